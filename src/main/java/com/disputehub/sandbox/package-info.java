/**
 * Simulators that speak each channel's real wire protocol over HTTP on this same server, so that the demo
 * shows disputes flowing without credentials. Only the demo profile turns them on ({@code disputehub.sandbox.enabled});
 * without it there is no sandbox endpoint and no demo account. They share no code with the adapters: they are
 * independent fakes.
 */
package com.disputehub.sandbox;
