package com.disputehub.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.RateLimit;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.incident.IncidentKind;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The installed channel types (DOMAIN X8): what each is, what it takes and how fast it may be called. */
@Tag(name = "Channels", description = "The installed channel types and their capabilities")
@RestController
class ChannelController {

    private final ChannelAdapters adapters;

    ChannelController(ChannelAdapters adapters) {
        this.adapters = adapters;
    }

    @Operation(operationId = "listChannels", summary = "Installed channel types: kind, capabilities, published rate",
            description = "For each type, the options its accounts take (besides the common ones: time-zone, holidays, "
                    + "locale, reason-map.<code>, playbook-auto, approval-refund-above), the decisions it takes, in which "
                    + "statuses, with their fields (required or not, allowed values), where the decisions it does not take "
                    + "belong, and its default call rate.")
    @GetMapping("/api/channels")
    List<ChannelType> channels() {
        return adapters.all().stream().map(ChannelController::describe).toList();
    }

    /** One installed channel type. */
    record ChannelType(String type, String version, IncidentKind kind, boolean followsSupplierOrders, RateLimit rateLimit,
                       List<OptionSpec> options, List<Capabilities.DecisionSpec> decisions, List<Capabilities.Elsewhere> elsewhere) {
    }

    private static ChannelType describe(ChannelAdapter adapter) {
        // capabilities as a new account of the type has them: no options, no credentials
        Capabilities capabilities = adapter.capabilities(new ChannelAccount(adapter.channelType(), adapter.channelType(),
                URI.create("http://localhost/"), Duration.ofMinutes(5), false, Map.of(), Map.of()));
        return new ChannelType(adapter.channelType(), adapter.version(), adapter.kind(), adapter.followsSupplierOrders(),
                adapter.rateLimit().orElse(null), adapter.options(), capabilities.decisions(), capabilities.elsewhere());
    }
}
