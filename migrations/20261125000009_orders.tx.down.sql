DROP TABLE show_views;
--bun:split
DROP TABLE flash_sale_buyers;
--bun:split
DROP TABLE flash_sales;
--bun:split
DROP TABLE refund_lines;
--bun:split
DROP TABLE refunds;
--bun:split
DROP TABLE order_lines;
--bun:split
DROP TABLE vendor_orders;
--bun:split
DROP TABLE orders;
--bun:split
DROP TABLE cart_lines;
--bun:split
DROP TABLE carts;
