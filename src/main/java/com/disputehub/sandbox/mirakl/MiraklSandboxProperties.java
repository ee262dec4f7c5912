package com.disputehub.sandbox.mirakl;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.sandbox.mirakl.*}: the shop key the simulator accepts, how often its marketplace changes
 * (0 for never), the seed of its data, how many orders with incidents it starts with, the shop's payable
 * balance that refunds draw on (DOMAIN M6), and how soon a buyer answers the shop's message (0 for never).
 */
@ConfigurationProperties("disputehub.sandbox.mirakl")
record MiraklSandboxProperties(@DefaultValue("sandbox-mirakl-shop-key") String apiKey,
                               @DefaultValue("20s") Duration tick, @DefaultValue("42") long seed,
                               @DefaultValue("30") int initialOrders, @DefaultValue("2500.00") BigDecimal payableBalance,
                               @DefaultValue("10s") Duration buyerAnswerDelay) {
}
