/**
 * The common incident model and its store: every channel's disputes, normalized, with their timeline.
 * Knows nothing of any channel.
 */
package com.disputehub.incident;
