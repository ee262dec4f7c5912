/**
 * Shared support for adapters: HTTP clients and their errors, Retry-After, business calendars, reason classification, evidence checks, supplier scans and texts.
 */
@NamedInterface("support")
package com.disputehub.channel.support;

import org.springframework.modulith.NamedInterface;
