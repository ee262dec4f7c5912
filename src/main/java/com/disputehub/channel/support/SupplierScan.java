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

    public static List<RawRecord> reread(SupplierOrders orders, ChannelAccount account, List<OpenIncidentRef> open,
                                         Function<SupplierOrder, RawRecord> read) {
        Set<String> ids = new LinkedHashSet<>();
        open.forEach(ref -> ids.add(ref.externalId().split("/")[0]));
        List<RawRecord> records = new ArrayList<>();
        ids.forEach(id -> orders.find(account.id(), id).ifPresent(order -> records.add(read.apply(order))));
        return records;
    }
}
