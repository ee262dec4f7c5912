/** The REST API (JSON) for ERPs and integrators: incidents, decisions, accounts, quarantine, the change feed. */
package com.disputehub.api;
