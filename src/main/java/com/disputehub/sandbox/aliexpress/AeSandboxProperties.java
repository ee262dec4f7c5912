package com.disputehub.sandbox.aliexpress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code disputehub.sandbox.aliexpress.*}: the app the simulator knows, how often its disputes move, the data seed, and the
 * DSers account its dropshipping orders are registered with. */
@ConfigurationProperties("disputehub.sandbox.aliexpress")
record AeSandboxProperties(@DefaultValue("sandbox-app") String appKey, @DefaultValue("sandbox-app-secret") String appSecret,
                           @DefaultValue("sandbox-seller-token") String accessToken, @DefaultValue("30s") Duration tick,
                           @DefaultValue("7") long seed, @DefaultValue("24") int initialDisputes,
                           @DefaultValue("demo-dsers-es") String dropshippingAccount) {
}
