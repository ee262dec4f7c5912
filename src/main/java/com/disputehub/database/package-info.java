/** Where the database comes from (configured, DATABASE_URL, or embedded) and small SQL helpers. */
package com.disputehub.database;
