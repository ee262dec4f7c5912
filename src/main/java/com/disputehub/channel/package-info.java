/**
 * The adapter SPI: what an integrator implements ({@code ChannelAdapter}: fetch changes, normalize, capabilities,
 * push, reconcile), the account it serves, its results and the errors it reports. Beside it: {@code command} (the
 * decisions it receives), {@code support} (HTTP, Retry-After, calendars, reasons, evidence, supplier scans),
 * {@code runtime} (accounts, adapters by type, guards) and {@code shared} (wire code two channels share). One
 * sub-package per adapter; nothing outside an adapter's package names it.
 */
package com.disputehub.channel;
