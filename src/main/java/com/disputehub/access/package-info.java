/**
 * Trust (DOMAIN X6): people and their roles, API keys with scopes for ERPs, the security filter chains of the
 * pages, the API and the actuator, and the actor every change is attributed to.
 */
package com.disputehub.access;
