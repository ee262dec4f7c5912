package com.disputehub.sandbox.mirakl;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.sandbox.mirakl.*}: the shop key the simulator accepts, how often its marketplace changes
 * (0 for never), and the seed of its data.
 */
@ConfigurationProperties("disputehub.sandbox.mirakl")
record MiraklSandboxProperties(@DefaultValue("sandbox-mirakl-shop-key") String apiKey,
                               @DefaultValue("20s") Duration tick, @DefaultValue("42") long seed) {
}
