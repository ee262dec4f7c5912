package com.disputehub.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.report.Period;
import com.disputehub.report.ReportTable;
import com.disputehub.report.Reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's figures for ERPs and spreadsheets (DOMAIN X9): JSON, or CSV with {@code format=csv} or
 * {@code Accept: text/csv}. Periods are {@code from} and {@code to} (dates, whole days in the inbox's zone, or
 * instants); by default the last 30 days.
 */
@Tag(name = "Reports", description = "Open incidents, response times, disputes by SKU, supplier, reason or channel, refunds")
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reports reports;
    private final Clock clock;

    ReportController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** A report as JSON: its name, period and rows (one object per row). */
    record Report(String report, Instant from, Instant to, List<Map<String, Object>> rows) {
    }

    @Operation(operationId = "reportOpen", summary = "Open incidents per channel: by tab, due today, overdue")
    @GetMapping("/open")
    ResponseEntity<?> open(@RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        return answer(reports.open(), format, accept);
    }

    @Operation(operationId = "reportResponseTimes", summary = "First response and resolution times per channel (median, p90, hours) against its service level")
    @GetMapping("/response-times")
    ResponseEntity<?> responseTimes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(name = "Accept", required = false) String accept) {
        return answer(reports.responseTimes(period(from, to)), format, accept);
    }

    @Operation(operationId = "reportDisputeRate", summary = "Disputes opened by SKU, supplier, reason or channel, their share and the previous period's",
            description = "DisputeHub sees disputes, not every order sold, so the share is of all disputes in the period; "
                    + "Orderchamp's own problem rate is /api/accounts/{id}/problem-rate.")
    @GetMapping("/dispute-rate")
    ResponseEntity<?> disputeRate(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String format,
                                  @RequestHeader(name = "Accept", required = false) String accept) {
        return answer(reports.disputes(Reports.By.parse(by), period(from, to)), format, accept);
    }

    @Operation(operationId = "reportRefunds", summary = "Refunds the channels confirmed, per week and currency, with the money paid")
    @GetMapping("/refunds")
    ResponseEntity<?> refunds(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String format,
                              @RequestHeader(name = "Accept", required = false) String accept) {
        return answer(reports.refunds(period(from, to)), format, accept);
    }

    private Period period(String from, String to) {
        return Period.parse(from, to, clock, reports.zone());
    }

    /** CSV when asked for by {@code format=csv} or the Accept header; JSON otherwise. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (!format.equalsIgnoreCase("json")) {
                throw new IllegalArgumentException("'format' cannot be '" + format + "'; one of [json, csv]");
            }
            return false;
        }
        return accept != null && accept.contains("text/csv");
    }

    private static ResponseEntity<?> answer(ReportTable table, String format, String accept) {
        if (wantsCsv(format, accept)) {
            return csv(table.report(), table.toCsv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Report(table.report(), table.from(), table.to(), table.objects()));
    }

    static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"").body(body);
    }
}
