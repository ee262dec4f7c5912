package com.disputehub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.channel.runtime.KnownFilters;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentPage;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSort;
import com.disputehub.incident.Money;
import com.disputehub.incident.WorkState;
import com.disputehub.incident.WorkStates;
import com.disputehub.report.ReportTable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Any inbox filter as a CSV file, for a spreadsheet (DOMAIN X9). */
@Tag(name = "Incidents", description = "Normalized incidents, their notes, files and decisions")
@RestController
class IncidentExportController {

    /** The most rows one export holds; a larger one is refused with the count, to be narrowed. */
    static final int MAX_ROWS = 50_000;
    private static final int CHUNK = 1_000;
    private static final List<String> COLUMNS = List.of("id", "channel", "account", "kind", "incident", "order", "skus", "product",
            "buyer", "reason", "reason_label", "status", "channel_status", "who_acts", "amount", "currency", "respond_by",
            "opened_at", "closed", "assignee", "updated_at");

    private final IncidentQueries queries;
    private final KnownFilters knownFilters;
    private final Groups groups;
    private final WorkStates work;

    IncidentExportController(IncidentQueries queries, KnownFilters knownFilters, Groups groups, WorkStates work) {
        this.queries = queries;
        this.knownFilters = knownFilters;
        this.groups = groups;
        this.work = work;
    }

    @Operation(operationId = "exportIncidents", summary = "The incidents of any filter (the list's parameters) as CSV, at most 50,000",
            description = "Sorted as the list (recent first, or sort=deadline).")
    @GetMapping("/api/incidents/export")
    ResponseEntity<String> export(FilterForm form, @RequestParam(required = false) UUID group, @RequestParam(required = false) String sort) {
        IncidentFilter checked = knownFilters.check(form.forViewer(Actor.current()));
        IncidentFilter filter = group == null ? checked : groups.members(group, checked);
        com.disputehub.incident.TabCounts counts = queries.counts(filter);
        long count = filter.view() == null ? counts.all() : counts.of(filter.view());
        if (count > MAX_ROWS) {
            throw new IllegalArgumentException("the filter holds " + count + " incidents; an export takes at most " + MAX_ROWS
                    + ": narrow it (a period of deadlines, a channel, a tab)");
        }
        IncidentSort order = IncidentSort.parse(sort);
        List<List<Object>> rows = new ArrayList<>();
        String after = null;
        do {
            IncidentPage page = queries.search(filter, order, after, CHUNK);
            Map<UUID, WorkState> states = work.of(page.items().stream().map(Incident::id).toList());
            page.items().forEach(i -> rows.add(row(i, states.getOrDefault(i.id(), WorkState.NONE))));
            after = page.next();
        } while (after != null && rows.size() < MAX_ROWS);
        return ReportController.csv("incidents", new ReportTable("incidents", null, null, COLUMNS, rows).toCsv());
    }

    private static List<Object> row(Incident i, WorkState w) {
        Money amount = i.requestedRefund() != null ? i.requestedRefund() : i.productValue();
        List<Object> row = new ArrayList<>();
        row.add(i.id());
        row.add(i.channelType());
        row.add(i.accountId());
        row.add(i.kind());
        row.add(i.externalId());
        row.add(i.orderId());
        row.add(String.join(" ", i.skus()));
        row.add(i.productTitle());
        row.add(i.buyerName());
        row.add(i.reason().category());
        row.add(i.reason().rawLabel());
        row.add(i.status());
        row.add(i.rawStatus());
        row.add(i.actionOwner());
        row.add(amount == null ? null : amount.amount());
        row.add(amount == null ? null : amount.currency());
        row.add(i.respondBy());
        row.add(i.openedAt());
        row.add(!i.status().isOpen());
        row.add(w.assignee());
        row.add(i.updatedAt());
        return row;
    }
}
