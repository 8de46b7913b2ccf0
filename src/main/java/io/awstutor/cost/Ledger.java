package io.awstutor.cost;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.durable.DurableFiles;
import io.awstutor.progress.TutorHome;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every resource the tutor created, on every target: {@code ~/.awstutor/ledger.json} (or
 * under AWSTUTOR_HOME), rewritten by {@link DurableFiles} (temp file, fsync, rename) after each change,
 * so a crash never leaves half a ledger. A ledger that cannot be read is set aside (never
 * deleted: it may list resources still costing money) and a fresh one started.
 */
public final class Ledger {
    public static final String FILE_NAME = "ledger.json";

    private final Path file;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final ObjectMapper json = JsonMappers.mapper();

    private Ledger(Path file) {
        this.file = file;
    }

    public static Ledger open(Path home, PrintStream warnings) {
        Ledger ledger = new Ledger(home.resolve(FILE_NAME));
        ledger.load(warnings);
        return ledger;
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the ledger. It may list real, billable resources, so one entry that cannot be read
     * (a kind this version does not know, a bad date) costs only that entry, never the rest;
     * a file that is not JSON at all is kept aside and a new one starts.
     */
    private void load(PrintStream warnings) {
        try {
            DurableFiles.removeLeftoversOf(file);
        } catch (IOException e) {
            // a stray temp file costs nothing; the ledger itself is what matters
        }
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            Path aside = TutorHome.asideOf(file);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                // keep going with an empty ledger; the file stays where it is
            }
            warnings.println("awstutor: the ledger " + file + " could not be read (" + TutorHome.problemOf(e)
                    + "); it was kept as " + aside.getFileName() + " and a new one started.");
            return;
        }
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root == null ? json.createArrayNode() : root.path("resources")) {
            index++;
            try {
                entries.add(new LedgerEntry(node.path("target").asText(), node.path("account").asText(),
                        node.path("region").asText(), ResourceKind.valueOf(node.path("kind").asText()), node.path("id").asText(),
                        node.path("detail").asText(""), Instant.parse(node.path("createdAt").asText()),
                        node.path("hourlyUsd").asDouble(0), node.path("lesson").asText("")));
            } catch (RuntimeException e) {
                skipped.add("#" + index + " " + node.path("kind").asText("?") + " " + node.path("id").asText("?"));
            }
        }
        if (!skipped.isEmpty()) {
            Path aside = TutorHome.asideOf(file);
            try {
                Files.copy(file, aside);
            } catch (IOException copyFailed) {
                // the warning still names what was skipped
            }
            warnings.println("awstutor: " + skipped.size() + " entr" + (skipped.size() == 1 ? "y" : "ies") + " of the ledger "
                    + file + " could not be read and " + (skipped.size() == 1 ? "is" : "are") + " left out (" + String.join(", ", skipped)
                    + "); the file as it was is kept as " + aside.getFileName() + ".");
        }
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** What is alive on one target and account, in cleanup order. */
    public synchronized List<LedgerEntry> alive(String target, String account) {
        return entries.stream().filter(e -> e.target().equals(target) && e.account().equals(account))
                .sorted(Comparator.comparing(LedgerEntry::kind).thenComparing(LedgerEntry::createdAt)).toList();
    }

    public synchronized void add(LedgerEntry entry) {
        entries.removeIf(entry::sameResource);
        entries.add(entry);
        save();
    }

    public synchronized void remove(LedgerEntry entry) {
        if (entries.removeIf(entry::sameResource)) {
            save();
        }
    }

    /** Drops entries matching {@code which} (a target that died with the session, ...). */
    public synchronized void forget(Predicate<LedgerEntry> which) {
        if (entries.removeIf(which)) {
            save();
        }
    }

    private void save() {
        ObjectNode root = json.createObjectNode();
        root.put("note", "Resources created through awstutor; `awstutor cleanup --target ...` deletes them.");
        ArrayNode list = root.putArray("resources");
        for (LedgerEntry e : entries) {
            ObjectNode node = list.addObject();
            node.put("target", e.target());
            node.put("account", e.account());
            node.put("region", e.region());
            node.put("kind", e.kind().name());
            node.put("id", e.id());
            node.put("detail", e.detail());
            node.put("createdAt", e.createdAt().toString());
            node.put("hourlyUsd", e.hourlyUsd());
            node.put("lesson", e.lesson());
        }
        try {
            DurableFiles.write(file, JsonMappers.pretty().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("the ledger could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }
}
