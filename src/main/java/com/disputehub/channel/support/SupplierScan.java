package com.disputehub.channel.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.incident.OpenIncidentRef;
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;

/**
 * How supplier channels read: through the registered supplier orders by id, a page at a time, starting over
 * after the last page (suppliers offer no change feed); and, for follow-up, the orders behind open incidents,
 * whose external ids start with the supplier order id ({@code <order>/<SITUATION>}).
 */
public final class SupplierScan {

    private SupplierScan() {
    }

    public static FetchResult page(SupplierOrders orders, ChannelAccount account, String cursor, int size,
                                   Function<SupplierOrder, RawRecord> read) {
        List<SupplierOrder> page = orders.page(account.id(), cursor, size);
        List<RawRecord> records = new ArrayList<>();
        page.forEach(order -> records.add(read.apply(order)));
        boolean more = page.size() == size;
        return new FetchResult(records, more ? page.get(page.size() - 1).supplierOrderId() : null, more);
    }

    /** How many supplier orders a page reads: {@code options.page-size}, else the channel's default. */
    public static int pageSize(ChannelAccount account, int defaultSize) {
        String size = account.option("page-size").orElse(String.valueOf(defaultSize));
        try {
            int parsed = Integer.parseInt(size.trim());
            if (parsed >= 1 && parsed <= 1000) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // said below, with the key
        }
        throw new IllegalStateException("account '" + account.id() + "': options.page-size must be 1 to 1000, not '" + size + "'");
    }

    public static List<RawRecord> reread(SupplierOrders orders, ChannelAccount account, List<OpenIncidentRef> open,
                                         Function<SupplierOrder, RawRecord> read) {
        Set<String> ids = new LinkedHashSet<>();
        open.forEach(ref -> ids.add(ref.externalId().split("/")[0]));
        List<RawRecord> records = new ArrayList<>();
        ids.forEach(id -> orders.find(account.id(), id).ifPresent(order -> records.add(read.apply(order))));
        return records;
    }
}
