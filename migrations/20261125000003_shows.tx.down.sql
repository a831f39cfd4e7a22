DROP TABLE show_reminders;
--bun:split
DROP TABLE show_products;
--bun:split
DROP TABLE shows;
