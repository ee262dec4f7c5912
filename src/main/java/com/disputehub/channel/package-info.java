/**
 * The adapter SPI: what every channel adapter implements (fetch changes, normalize, capabilities, push),
 * the decision commands it receives, the channel accounts it serves, and the errors it reports.
 * One sub-package per adapter; nothing outside an adapter's package names it.
 */
package com.disputehub.channel;
