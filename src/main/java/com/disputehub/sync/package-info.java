/**
 * Inbound sync: one Spring Integration polling flow per channel account, cursors that survive restarts,
 * quarantine for records that cannot be read, and a JDBC lock so that one instance polls an account at a time.
 */
package com.disputehub.sync;
