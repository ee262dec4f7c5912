/**
 * Simulators that speak each channel's real wire protocol over HTTP on this same server, so that the demo
 * shows disputes flowing without credentials. On by default; {@code disputehub.sandbox.enabled=false} turns
 * them and their demo accounts off. They share no code with the adapters: they are independent fakes.
 */
package com.disputehub.sandbox;
