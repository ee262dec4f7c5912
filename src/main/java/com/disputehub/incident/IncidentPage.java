package com.disputehub.incident;

import java.util.List;

/** One page of incidents and the token of the next page, null at the end. */
public record IncidentPage(List<Incident> items, String next) {
}
