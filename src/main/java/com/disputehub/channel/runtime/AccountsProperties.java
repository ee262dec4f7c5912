package com.disputehub.channel.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The channel accounts of {@code disputehub.accounts.<account-id>}; every key can be set from the
 * environment ({@code DISPUTEHUB_ACCOUNTS_<ID>_CREDENTIALS_API_KEY}) or the command line.
 */
@Validated
@ConfigurationProperties("disputehub")
public record AccountsProperties(Map<String, @Valid Account> accounts, Sandbox sandbox) {

    public AccountsProperties {
        accounts = accounts == null ? Map.of() : new LinkedHashMap<>(accounts);
        sandbox = sandbox == null ? new Sandbox(false) : sandbox;
    }

    /** One account: its channel, where its API lives, how often to poll, and its secrets. */
    public record Account(@NotBlank String channel, @NotNull URI baseUrl, Duration pollInterval, Boolean enabled,
                          boolean sandbox, Map<String, String> credentials, Map<String, String> options) {
    }

    /** {@code disputehub.sandbox.enabled}: the built-in simulators and their demo accounts; only the demo profile sets it. */
    public record Sandbox(boolean enabled) {
    }
}
