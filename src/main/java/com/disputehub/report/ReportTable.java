package com.disputehub.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report: its rows as ordered columns, for JSON (one object per row) and CSV (RFC 4180, a header line). */
public record ReportTable(String report, Instant from, Instant to, List<String> columns, List<List<Object>> rows) {

    /** One object per row, keyed by column. */
    public List<Map<String, Object>> objects() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            out.add(object);
        }
        return out;
    }

    /** The value of {@code column} in each row, in order. */
    public List<Object> column(String column) {
        int index = columns.indexOf(column);
        return rows.stream().map(r -> r.get(index)).toList();
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(columns));
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values.get(i)));
        }
        csv.append("\r\n");
    }

    /** A cell; text that a spreadsheet would run as a formula (=, +, -, @) is quoted with a leading apostrophe. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
