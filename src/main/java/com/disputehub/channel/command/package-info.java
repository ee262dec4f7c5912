/**
 * The decision commands (DOMAIN X8): what a person, a rule or an ERP asks a channel to do, as the adapters read them.
 */
@NamedInterface("command")
package com.disputehub.channel.command;

import org.springframework.modulith.NamedInterface;
