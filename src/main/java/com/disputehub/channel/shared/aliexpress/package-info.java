/**
 * The AliExpress Open Platform gateway (signing, the envelope, uploads), shared by the channels that speak it: the
 * marketplace's disputes ({@code aliexpress}) and the dropshipping supplier orders ({@code dsers}). Shared wire code
 * lives under {@code channel.shared}, so that no adapter depends on another.
 */
package com.disputehub.channel.shared.aliexpress;
