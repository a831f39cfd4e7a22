-- Built inside the migration's transaction, which blocks writes to these
-- tables while it runs: on large tables, create the two indexes first with
-- CREATE INDEX CONCURRENTLY under these names (IF NOT EXISTS then skips them).
--
-- Lookups by product of the shows featuring it: every checkout's attribution
-- read, every settlement's check of the LIVE shows featuring what it sold,
-- the search's upcoming dates and its indexing. The table's key starts with
-- show_id, so without this index each of them read every row of it.
CREATE INDEX IF NOT EXISTS show_products_product ON show_products (product_id, show_id);
--bun:split
-- A vendor's orders, newest first: the vendor's parts in order id order,
-- instead of walking every order's part to find the vendor's. Replaces the
-- index on vendor_id alone.
CREATE INDEX IF NOT EXISTS vendor_orders_vendor_order ON vendor_orders (vendor_id, order_id);
--bun:split
DROP INDEX IF EXISTS vendor_orders_vendor;
