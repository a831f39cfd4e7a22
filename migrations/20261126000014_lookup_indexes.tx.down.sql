CREATE INDEX vendor_orders_vendor ON vendor_orders (vendor_id);
--bun:split
DROP INDEX vendor_orders_vendor_order;
--bun:split
DROP INDEX show_products_product;
