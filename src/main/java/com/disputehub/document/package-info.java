/**
 * An order's documents on its channel (DOMAIN M3): listed, downloaded and uploaded from the incident page and the API
 * through the adapters that keep them ({@link com.disputehub.channel.OrderDocuments}), each call guarded like any other.
 */
package com.disputehub.document;
