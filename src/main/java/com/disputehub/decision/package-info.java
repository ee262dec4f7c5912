/**
 * Decisions: validated against the channel's capabilities and the incident's status, written as outbox rows
 * in the same transaction as the incident's timeline entry, and pushed by a polling dispatch flow.
 */
package com.disputehub.decision;
