DROP TABLE products;
--bun:split
DROP TABLE follows;
--bun:split
DROP TABLE influencers;
--bun:split
DROP TABLE vendor_staff;
--bun:split
DROP TABLE vendors;
--bun:split
DROP TABLE sign_in_throttle;
--bun:split
DROP TABLE sessions;
--bun:split
DROP TABLE users;
