package com.disputehub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The supplier orders a supplier account follows: the ERP registers each order it placed (PUT, idempotent by
 * supplier order id); the whole list is checked before anything is saved, and every problem is named.
 */
@Tag(name = "Supplier orders", description = "Supplier orders a dropshipping account follows")
@RestController
class SupplierOrderController {

    static final int MAX_BATCH = 1000;

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final SupplierOrders orders;

    SupplierOrderController(ChannelAccounts accounts, ChannelAdapters adapters, SupplierOrders orders) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.orders = orders;
    }

    @Operation(operationId = "registerSupplierOrders", summary = "Register supplier orders to follow (idempotent by supplierOrderId)")
    @PutMapping("/api/accounts/{id}/supplier-orders")
    ResponseEntity<Map<String, Object>> register(@PathVariable String id, @RequestBody List<SupplierOrder> batch) {
        supplierAccount(id);
        if (batch == null || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("send between 1 and " + MAX_BATCH + " supplier orders");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            batch.get(i).problems().forEach(p -> problems.add("order " + index + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        orders.save(id, batch);
        return ResponseEntity.ok(Map.of("saved", batch.size()));
    }

    @Operation(operationId = "listSupplierOrders", summary = "The supplier orders a supplier account follows")
    @GetMapping("/api/accounts/{id}/supplier-orders")
    List<SupplierOrder> list(@PathVariable String id, @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "100") int limit) {
        supplierAccount(id);
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH);
        }
        return orders.page(id, after, limit);
    }

    private ChannelAccount supplierAccount(String id) {
        ChannelAccount account = accounts.find(id)
                .orElseThrow(() -> new IllegalArgumentException("no account '" + id + "'"));
        if (!adapters.get(account.channelType()).followsSupplierOrders()) {
            throw new IllegalArgumentException("account '" + id + "' is a " + account.channelType()
                    + " account; supplier orders belong to a supplier account (" + adapters.all().stream()
                    .filter(ChannelAdapter::followsSupplierOrders).map(ChannelAdapter::channelType).sorted().toList() + ")");
        }
        return account;
    }
}
