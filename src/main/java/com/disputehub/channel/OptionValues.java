package com.disputehub.channel;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An account's options read through the specs its adapter declares: the configured value, else the spec's default,
 * as the spec's type. The values were checked at start against the same specs, so reading cannot fail on a bad
 * value; asking for an option the specs do not declare is a programming error. Adapters build their options record
 * from it (see {@code EbayOptions}), so that each default lives in one place: its spec.
 */
public final class OptionValues {

    private final ChannelAccount account;
    private final List<OptionSpec> specs;

    private OptionValues(ChannelAccount account, List<OptionSpec> specs) {
        this.account = account;
        this.specs = specs;
    }

    public static OptionValues of(ChannelAccount account, List<OptionSpec> specs) {
        return new OptionValues(account, specs);
    }

    /** The value as text, or the default; empty when neither is set. */
    public Optional<String> text(String name) {
        OptionSpec spec = spec(name);
        return account.option(name).or(() -> Optional.ofNullable(spec.defaultValue()));
    }

    /** A value the account must have (a required option, or one with a default). */
    public String required(String name) {
        return text(name).orElseThrow(() -> new IllegalStateException("account '" + account.id() + "' has no options." + name));
    }

    public int integer(String name) {
        return Integer.parseInt(required(name).trim());
    }

    public long longValue(String name) {
        return Long.parseLong(required(name).trim());
    }

    public BigDecimal decimal(String name) {
        return new BigDecimal(required(name).trim());
    }

    public ZoneId zone(String name) {
        return ZoneId.of(required(name).trim());
    }

    /** A choice of {@code true} or {@code false}. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(required(name).trim());
    }

    private OptionSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("options." + name + " is not declared by the " + account.channelType()
                        + " adapter"));
    }
}
