/**
 * Saved replies (DOMAIN X9): texts written once per decision type and language, with the bulk answers'
 * placeholders, picked in the single-incident forms and in bulk; the demo ships the seeds' situations.
 */
package com.disputehub.reply;
