-- The supplier orders a dropshipper placed (DSers / AliExpress dropshipping), registered through the API: what
-- the supplier channel follows, since the supplier offers no list of them.
create table supplier_order (
    account_id        text        not null,
    supplier_order_id text        not null,
    store_order_id    text        not null,
    ship_to_country   char(2)     not null,
    ship_from_country char(2)     not null,
    placed_at         timestamptz not null,
    handling_days     integer     not null,
    created_at        timestamptz not null,
    primary key (account_id, supplier_order_id)
);
create index supplier_order_store_idx on supplier_order (account_id, store_order_id);
