/**
 * How the connector runs adapters: the configured accounts, the adapters by channel type, the guards (retry, breaker, rate limit) and their health.
 */
@NamedInterface("runtime")
package com.disputehub.channel.runtime;

import org.springframework.modulith.NamedInterface;
