package com.disputehub.supplier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;

/** The supplier orders of each account: registered (idempotently) through the API, paged by supplier channels. */
@Repository
public class SupplierOrders {

    private final JdbcClient jdbc;
    private final Clock clock;

    SupplierOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds or updates every order; the caller has checked them. */
    @Transactional
    public void save(String accountId, List<SupplierOrder> orders) {
        for (SupplierOrder o : orders) {
            jdbc.sql("""
                    insert into supplier_order (account_id, supplier_order_id, store_order_id, ship_to_country,
                      ship_from_country, placed_at, handling_days, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (account_id, supplier_order_id) do update set store_order_id = excluded.store_order_id,
                      ship_to_country = excluded.ship_to_country, ship_from_country = excluded.ship_from_country,
                      placed_at = excluded.placed_at, handling_days = excluded.handling_days
                    """)
                    .params(accountId, o.supplierOrderId(), o.storeOrderId(), o.shipToCountry(), o.shipFromCountry(),
                            Sql.ts(o.placedAt()), o.handlingDays(), Sql.ts(clock.instant()))
                    .update();
        }
    }

    /** Up to {@code limit} orders after {@code afterId} (null from the start), by supplier order id. */
    public List<SupplierOrder> page(String accountId, String afterId, int limit) {
        return jdbc.sql("""
                select * from supplier_order where account_id = ? and supplier_order_id > ?
                order by supplier_order_id limit ?
                """)
                .params(accountId, afterId == null ? "" : afterId, limit)
                .query(SupplierOrders::map).list();
    }

    public Optional<SupplierOrder> find(String accountId, String supplierOrderId) {
        return jdbc.sql("select * from supplier_order where account_id = ? and supplier_order_id = ?")
                .params(accountId, supplierOrderId).query(SupplierOrders::map).optional();
    }

    /** The other supplier orders of the same store order, placed later: a reissue. */
    public List<SupplierOrder> laterForStoreOrder(String accountId, SupplierOrder order) {
        return jdbc.sql("""
                select * from supplier_order where account_id = ? and store_order_id = ? and supplier_order_id <> ?
                  and placed_at > ? order by placed_at
                """)
                .params(accountId, order.storeOrderId(), order.supplierOrderId(), Sql.ts(order.placedAt()))
                .query(SupplierOrders::map).list();
    }

    private static SupplierOrder map(ResultSet rs, int n) throws SQLException {
        return new SupplierOrder(rs.getString("supplier_order_id"), rs.getString("store_order_id"),
                rs.getString("ship_to_country").trim(), rs.getString("ship_from_country").trim(),
                rs.getTimestamp("placed_at").toInstant(), rs.getInt("handling_days"));
    }
}
