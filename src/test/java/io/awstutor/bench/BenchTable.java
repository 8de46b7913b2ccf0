package io.awstutor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The results: one row per case, the sandbox's rate beside moto's, and their ratio. */
public final class BenchTable {
    private record Row(String section, String name, double sandbox, OptionalDouble moto, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String section, String name, double sandboxPerSecond, OptionalDouble motoPerSecond, String note) {
        rows.add(new Row(section, name, sandboxPerSecond, motoPerSecond, note == null ? "" : note));
        System.err.printf(Locale.ROOT, "  %-14s %-52s %10.0f req/s%n", section, name, sandboxPerSecond);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %-52s %12s %12s %8s  %s%n";
        out.append(String.format(Locale.ROOT, format, "section", "case", "sandbox r/s", "moto r/s", "ratio", "note"));
        for (Row r : rows) {
            String moto = r.moto().isPresent() ? String.format(Locale.ROOT, "%.0f", r.moto().getAsDouble()) : "-";
            String ratio = r.moto().isPresent() && r.moto().getAsDouble() > 0
                    ? String.format(Locale.ROOT, "%.1fx", r.sandbox() / r.moto().getAsDouble()) : "-";
            out.append(String.format(Locale.ROOT, format, r.section(), r.name(),
                    String.format(Locale.ROOT, "%.0f", r.sandbox()), moto, ratio, r.note()));
        }
        return out.toString();
    }
}
