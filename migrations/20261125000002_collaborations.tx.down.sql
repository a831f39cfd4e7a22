DROP TABLE notifications;
--bun:split
DROP TABLE collaborations;
--bun:split
DROP TABLE offers;
