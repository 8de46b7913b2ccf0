package io.awstutor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The results: one row per case, the sandbox's rate beside moto's, and their ratio; or, for
 * a case that is not a rate (a time, a size), the sandbox's figure alone.
 */
public final class BenchTable {
    private record Row(String section, String name, double sandbox, OptionalDouble moto, String note, String figure) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String section, String name, double sandboxPerSecond, OptionalDouble motoPerSecond, String note) {
        rows.add(new Row(section, name, sandboxPerSecond, motoPerSecond, note == null ? "" : note, null));
        System.err.printf(Locale.ROOT, "  %-14s %-52s %10.0f req/s%n", section, name, sandboxPerSecond);
    }

    /** A figure that is not a rate, such as "2.31 s" or "48 MB", shown in the sandbox's column. */
    public void addFigure(String section, String name, String figure, String note) {
        rows.add(new Row(section, name, 0, OptionalDouble.empty(), note == null ? "" : note, figure));
        System.err.printf(Locale.ROOT, "  %-14s %-52s %10s%n", section, name, figure);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %-52s %12s %12s %8s  %s%n";
        out.append(String.format(Locale.ROOT, format, "section", "case", "sandbox r/s", "moto r/s", "ratio", "note"));
        for (Row r : rows) {
            String moto = r.moto().isPresent() ? String.format(Locale.ROOT, "%.0f", r.moto().getAsDouble()) : "-";
            String ratio = r.moto().isPresent() && r.moto().getAsDouble() > 0
                    ? String.format(Locale.ROOT, "%.1fx", r.sandbox() / r.moto().getAsDouble()) : "-";
            String sandbox = r.figure() != null ? r.figure() : String.format(Locale.ROOT, "%.0f", r.sandbox());
            out.append(String.format(Locale.ROOT, format, r.section(), r.name(), sandbox, moto, ratio, r.note()));
        }
        return out.toString();
    }
}
