package com.disputehub.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.disputehub.channel.ProblemRate;
import com.disputehub.report.Period;
import com.disputehub.report.ReportTable;
import com.disputehub.report.Reports;

/**
 * The dashboard (DOMAIN X9): what is open and due, response times against each channel's service level, disputes
 * by SKU, supplier, reason or channel with the previous period beside them, refunds per week, and Orderchamp's
 * problem rate against its line; each drawn as SVG and also given as a table, with links to the same figures as CSV.
 */
@Controller
class DashboardController {

    private final Reports reports;
    private final Clock clock;
    private final MessageSource messages;
    private final ProblemRates problemRates;

    DashboardController(Reports reports, Clock clock, MessageSource messages, ProblemRates problemRates) {
        this.reports = reports;
        this.clock = clock;
        this.messages = messages;
        this.problemRates = problemRates;
    }

    /** An account's problem rate as its channel reports it, or why it could not be read. */
    record AccountRate(String account, ProblemRate rate, String unavailable, BarChart chart) {
    }

    @GetMapping("/inbox/dashboard")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String by, Model model) {
        Period period = Period.parse(from, to, clock, reports.zone());
        Reports.By breakdown = Reports.By.parse(by);
        ReportTable open = reports.open();
        ReportTable times = reports.responseTimes(period);
        ReportTable disputes = reports.disputes(breakdown, period);
        ReportTable refunds = reports.refunds(period);
        Locale locale = LocaleContextHolder.getLocale();

        model.addAttribute("period", period);
        model.addAttribute("fromDay", java.time.LocalDate.ofInstant(period.from(), reports.zone()));
        model.addAttribute("toDay", java.time.LocalDate.ofInstant(period.to(), reports.zone()).minusDays(1));
        model.addAttribute("by", breakdown.name().toLowerCase(Locale.ROOT));
        model.addAttribute("open", open);
        model.addAttribute("times", times);
        model.addAttribute("disputes", disputes);
        model.addAttribute("refunds", refunds);
        model.addAttribute("openChart", BarChart.of("chart-open", rows(open, "channel", "open", "red"), null, null));
        model.addAttribute("dueChart", BarChart.of("chart-overdue", rows(open, "channel", "overdue", "red"), null, null));
        model.addAttribute("timeCharts", timeCharts(times, locale));
        model.addAttribute("disputeChart", BarChart.of("chart-disputes", rows(disputes, disputes.columns().get(0), "disputes", "blue")
                .stream().limit(12).toList(), null, null));
        model.addAttribute("refundCharts", refundCharts(refunds));
        model.addAttribute("problemRates", problemRates());
        model.addAttribute("csv", Map.of(
                "open", "/api/reports/open?format=csv",
                "times", "/api/reports/response-times?format=csv&from=" + period.from() + "&to=" + period.to(),
                "disputes", "/api/reports/dispute-rate?format=csv&by=" + breakdown.name().toLowerCase(Locale.ROOT)
                        + "&from=" + period.from() + "&to=" + period.to(),
                "refunds", "/api/reports/refunds?format=csv&from=" + period.from() + "&to=" + period.to()));
        return "dashboard";
    }

    private static List<BarChart.Row> rows(ReportTable table, String labelColumn, String valueColumn, String tone) {
        List<Object> labels = table.column(labelColumn);
        List<Object> values = table.column(valueColumn);
        List<BarChart.Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i) == null ? 0 : ((Number) values.get(i)).doubleValue();
            rows.add(new BarChart.Row(String.valueOf(labels.get(i)), value, display(values.get(i)), tone));
        }
        return rows;
    }

    /** One chart per channel: the median and p90 first response beside the service level line. */
    private List<BarChart> timeCharts(ReportTable times, Locale locale) {
        List<BarChart> charts = new ArrayList<>();
        for (Map<String, Object> row : times.objects()) {
            List<BarChart.Row> bars = new ArrayList<>();
            bars.add(bar(messages.getMessage("dashboard.median", null, locale), row.get("first_response_median_hours"), "blue"));
            bars.add(bar(messages.getMessage("dashboard.p90", null, locale), row.get("first_response_p90_hours"), "blue"));
            bars.add(bar(messages.getMessage("dashboard.resolution", null, locale), row.get("resolution_median_hours"), "green"));
            double level = ((Number) row.get("service_level_hours")).doubleValue();
            charts.add(BarChart.of("chart-time-" + row.get("channel"), bars, level,
                    messages.getMessage("dashboard.serviceLevel", new Object[] {display(row.get("service_level_hours"))}, locale)));
        }
        return charts;
    }

    private static BarChart.Row bar(String label, Object hours, String tone) {
        return new BarChart.Row(label, hours == null ? 0 : ((Number) hours).doubleValue(), hours == null ? "—" : display(hours) + " h", tone);
    }

    /** One chart per currency: money paid per week. */
    private static Map<String, BarChart> refundCharts(ReportTable refunds) {
        Map<String, List<BarChart.Row>> byCurrency = new LinkedHashMap<>();
        for (Map<String, Object> row : refunds.objects()) {
            String currency = String.valueOf(row.get("currency"));
            byCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(new BarChart.Row(String.valueOf(row.get("week")),
                    ((Number) row.get("paid")).doubleValue(), display(row.get("paid")) + " " + currency + " (" + row.get("refunds") + ")", "green"));
        }
        Map<String, BarChart> charts = new LinkedHashMap<>();
        byCurrency.forEach((currency, rows) -> charts.put(currency, BarChart.of("chart-refunds-" + currency, rows, null, null)));
        return charts;
    }

    /** The accounts whose channel reports a problem rate, as last measured (in the background), and failures. */
    private List<AccountRate> problemRates() {
        List<AccountRate> rates = new ArrayList<>();
        new java.util.TreeMap<>(problemRates.current()).forEach((account, reading) -> {
            if (reading.error() != null) {
                rates.add(new AccountRate(account, null, reading.error(), null));
            }
            reading.rate().ifPresent(r -> rates.add(new AccountRate(account, r, null, BarChart.of("chart-problem-" + account,
                    List.of(new BarChart.Row(account, percent(r.rate()), display(percent(r.rate())) + " %", r.aboveThreshold() ? "red" : "green")),
                    percent(r.threshold()), display(percent(r.threshold())) + " %"))));
        });
        return rates;
    }

    private static double percent(BigDecimal fraction) {
        return fraction.movePointRight(2).doubleValue();
    }

    private static String display(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }
}
