package com.disputehub.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.incident.DeadlineFilter;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.ReasonCategory;

/** The values the filter fields offer (fragment filter-fields): channels and accounts configured here, and the enums. */
@Component
class FilterChoices {

    private final ChannelAccounts accounts;

    FilterChoices(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    void addTo(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("channels", accounts.all().stream().map(ChannelAccount::channelType).distinct().sorted().toList());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("reasons", ReasonCategory.values());
        model.addAttribute("deadlines", DeadlineFilter.values());
    }
}
