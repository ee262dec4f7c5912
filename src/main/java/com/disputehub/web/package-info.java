/**
 * The inbox pages for people, rendered by the connector itself (Thymeleaf, escaped by default): tabs and filters
 * over every channel, the incident page with its decision forms, groups, and bulk answering with a dry run and
 * live progress. In English, Spanish, Italian, Dutch and Portuguese.
 */
package com.disputehub.web;
