/**
 * Grouping and bulk answering (DOMAIN A3, X3): manual groups, rule groups (a saved filter whose members follow
 * sync), and bulk decisions over a selection, planned by a dry run and executed one decision at a time through
 * the decision path.
 */
package com.disputehub.grouping;
