package com.disputehub.channel.runtime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.IncidentFilter;

/**
 * Turns a filter as people write it into one that can run, refusing a channel no adapter serves and an account
 * that is neither configured nor has incidents stored (a 400 naming the known ones), instead of an empty list.
 */
@Component
public class KnownFilters {

    private final ChannelAdapters adapters;
    private final ChannelAccounts accounts;
    private final JdbcClient jdbc;

    KnownFilters(ChannelAdapters adapters, ChannelAccounts accounts, JdbcClient jdbc) {
        this.adapters = adapters;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public IncidentFilter check(FilterForm form) {
        IncidentFilter filter = form.toFilter();
        if (filter.channelType() != null && !adapters.supports(filter.channelType())) {
            throw new IllegalArgumentException("'channel' cannot be '" + filter.channelType() + "'; one of "
                    + adapters.channelTypes().stream().sorted().toList());
        }
        if (filter.accountId() != null && accounts.find(filter.accountId()).isEmpty() && !jdbc.sql(
                "select exists (select 1 from incident where account_id = ?)").param(filter.accountId()).query(Boolean.class).single()) {
            throw new IllegalArgumentException("'account' cannot be '" + filter.accountId() + "'; one of "
                    + accounts.all().stream().map(ChannelAccount::id).sorted().toList());
        }
        return filter;
    }
}
