/**
 * Reports and the dashboard's figures (DOMAIN X9): open incidents by tab and channel, response and resolution
 * times against each channel's service level, disputes by SKU, supplier, reason or channel with their trend, and
 * refunds paid per week; each as a table that the API gives as JSON or CSV and the dashboard draws.
 */
package com.disputehub.report;
