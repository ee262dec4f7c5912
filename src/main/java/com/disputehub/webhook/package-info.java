/**
 * Webhooks (DOMAIN X7): endpoints, their Standard Webhooks signed deliveries of the event stream, retries, the
 * delivery log and the SSRF guard. A module beside {@code event}, which it reads; the API and the pages manage it.
 */
package com.disputehub.webhook;
