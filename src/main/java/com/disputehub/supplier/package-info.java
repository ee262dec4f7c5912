/**
 * Supplier orders a dropshipper placed: which store order each one fulfils, where it ships, when it was placed
 * and how many business days the supplier has to ship. Supplier channels follow these orders.
 */
package com.disputehub.supplier;
