package com.disputehub.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG (no script, no library): one horizontal bar per row, its label on the
 * left and its value at its end, and an optional line (a service level, a threshold) across all bars. Each bar
 * carries its value as {@code data-value}, which is what the page's test reads.
 */
record BarChart(String id, List<Bar> bars, int width, int height, Line line) {

    static final int LABEL = 200;
    static final int PLOT = 360;
    static final int ROW = 24;
    static final int BAR = 16;

    /** One bar: where it is drawn, its label, its value and how the value reads. */
    record Bar(String label, double value, String display, int y, int length, String tone) {
    }

    /** A vertical line at {@code value} (x is its position), with its label. */
    record Line(double value, String label, int x) {
    }

    /** One row to draw. */
    record Row(String label, double value, String display, String tone) {
    }

    static BarChart of(String id, List<Row> rows, Double lineAt, String lineLabel) {
        double max = rows.stream().mapToDouble(Row::value).max().orElse(0);
        if (lineAt != null) {
            max = Math.max(max, lineAt);
        }
        double scale = max <= 0 ? 0 : PLOT / max;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            bars.add(new Bar(r.label(), r.value(), r.display(), 8 + i * ROW, (int) Math.round(r.value() * scale), r.tone()));
        }
        Line line = lineAt == null ? null : new Line(lineAt, lineLabel, LABEL + (int) Math.round(lineAt * scale));
        return new BarChart(id, bars, LABEL + PLOT + 90, 16 + Math.max(1, rows.size()) * ROW + (line == null ? 0 : 14), line);
    }

    public int labelWidth() {
        return LABEL;
    }

    public int barHeight() {
        return BAR;
    }
}
