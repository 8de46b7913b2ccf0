package io.awstutor.workshop;

import io.awstutor.lesson.LessonCatalog;
import io.awstutor.sandbox.accounts.AccountDirectory;
import io.awstutor.sandbox.accounts.AccountKeys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running workshop: its lesson set, its learners (each with an account of their own in the
 * shared sandbox), what they did, and what the instructor said to them. Learners come in
 * with the join code and from then on present their own token; the instructor presents
 * theirs. Thread-safe: each learner's events are guarded by their own log, so 100 shells
 * reporting at once do not queue behind one lock.
 */
public final class Workshop {
    public static final int MAX_NAME = 60;
    public static final int MAX_BROADCAST = 500;

    private final WorkshopStore.Settings settings;
    private final List<LessonCatalog.LessonFile> lessonFiles;
    private final LessonCatalog catalog;
    private final AccountDirectory accounts;
    private final Optional<WorkshopStore> store;
    private final Clock clock;
    private final Tokens tokens = new Tokens();
    private final Map<String, LearnerLog> learners = new ConcurrentHashMap<>();
    private final List<java.util.function.BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@code this}. */
    private final List<Broadcast> broadcasts = new ArrayList<>();
    private volatile StepRef hold;
    /** Held while a learner's name is chosen and taken, so that two learners joining at once as "Ben" do not both get it. */
    private final Object naming = new Object();

    /**
     * One learner's events and the ids already counted; guarded by itself. Saving is guarded by
     * {@link #saving} instead, so that the dashboard, which reads the events under the log's
     * lock, never waits for a learner's batch to reach the disk.
     */
    private static final class LearnerLog {
        final Learner learner;
        final List<WorkshopEvent> events = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        /** The events folded for the dashboard as they come. */
        LearnerHistory history = new LearnerHistory(List.of());
        final Object saving = new Object();
        /** How many events the file holds; guarded by {@link #saving}. */
        int saved;

        LearnerLog(Learner learner, List<WorkshopEvent> events) {
            this.learner = learner;
            events.forEach(this::add);
            saved = this.events.size();
        }

        boolean add(WorkshopEvent event) {
            if (!seen.add(event.id())) {
                return false;
            }
            events.add(event);
            if (!history.add(event)) {
                history = new LearnerHistory(events);
            }
            return true;
        }
    }

    /** What joining gives a learner: who they are, their token, and their account's keys. */
    public record Joined(Learner learner, String token, AccountKeys account) {
        @Override
        public String toString() {
            return "Joined[" + learner + "]";
        }
    }

    /** A learner's view of the class after sending events: what they have not yet seen, and the hold. */
    public record Mail(int accepted, List<Broadcast> broadcasts, StepRef hold) {
    }

    private Workshop(WorkshopStore.Settings settings, List<LessonCatalog.LessonFile> lessonFiles, AccountDirectory accounts,
                     Optional<WorkshopStore> store, Clock clock) {
        this.settings = settings;
        this.lessonFiles = List.copyOf(lessonFiles);
        this.catalog = LessonCatalog.fromFiles(lessonFiles);
        this.accounts = accounts;
        this.store = store;
        this.clock = clock;
    }

    /**
     * A workshop on these lessons; with a store, the one saved there comes back (same code,
     * same instructor token, every learner and event), under {@code name} if one is given.
     */
    public static Workshop open(Optional<String> name, List<LessonCatalog.LessonFile> lessonFiles, AccountDirectory accounts,
                                Optional<WorkshopStore> store, Clock clock) {
        Tokens tokens = new Tokens();
        Optional<WorkshopStore.Settings> saved = store.flatMap(WorkshopStore::settings);
        WorkshopStore.Settings settings = saved
                .map(s -> name.map(n -> new WorkshopStore.Settings(n, s.code(), s.instructorToken(), s.created())).orElse(s))
                .orElseGet(() -> new WorkshopStore.Settings(name.orElse("AWS workshop"), tokens.joinCode(), tokens.token(),
                        clock.millis()));
        store.ifPresent(s -> s.save(settings));
        Workshop workshop = new Workshop(settings, lessonFiles, accounts, store, clock);
        store.ifPresent(s -> {
            s.learners().forEach(file -> workshop.learners.put(file.learner().id(), new LearnerLog(file.learner(), file.events())));
            s.classState().ifPresent(state -> {
                workshop.broadcasts.addAll(state.broadcasts());
                workshop.hold = state.hold();
            });
        });
        return workshop;
    }

    public String name() { return settings.name(); }
    public String code() { return settings.code(); }
    public LessonCatalog catalog() { return catalog; }
    public List<LessonCatalog.LessonFile> lessonFiles() { return lessonFiles; }
    public Clock clock() { return clock; }

    /** The instructor's token, for printing once at start. */
    public String instructorToken() {
        return settings.instructorToken();
    }

    public boolean isInstructor(String token) {
        return token != null && Tokens.matches(token, Tokens.hash(settings.instructorToken()));
    }

    /** Hears every change: a topic ("learner", "class") and what changed (the learner's id, or ""), to tell the dashboard. */
    public void onChange(java.util.function.BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** A new learner with an account of their own; empty when the code is wrong. */
    public Optional<Joined> join(String code, String name) {
        if (!Tokens.normalizeCode(code).equals(settings.code())) {
            return Optional.empty();
        }
        Learner learner;
        AccountKeys account;
        String token = tokens.token();
        synchronized (naming) {
            String uniqueName = unusedName(cleanName(name));
            account = accounts.create(uniqueName);
            String id = "l" + tokens.token().substring(0, 10);
            learner = new Learner(id, uniqueName, account.accountId(), Tokens.hash(token), clock.millis());
            LearnerLog log = new LearnerLog(learner, List.of());
            synchronized (log) {
                store.ifPresent(s -> s.save(new WorkshopStore.LearnerFile(learner, List.of())));
                learners.put(id, log);
            }
        }
        changed("learner", learner.id());
        return Optional.of(new Joined(learner, token, account));
    }

    /**
     * Two learners called Ben would be two identical rows on the dashboard and in the report:
     * the second is Ben (2), and is told so when they join.
     */
    private String unusedName(String name) {
        Set<String> taken = new HashSet<>();
        learners.values().forEach(l -> taken.add(l.learner.name().toLowerCase(java.util.Locale.ROOT)));
        String candidate = name;
        for (int n = 2; taken.contains(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Control characters out, length bounded; the page escapes the rest. */
    static String cleanName(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.length() > MAX_NAME) {
            clean = clean.substring(0, MAX_NAME);
        }
        return clean.isEmpty() ? "learner" : clean;
    }

    public Optional<Learner> learnerByToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        return learners.values().stream().map(l -> l.learner)
                .filter(l -> java.security.MessageDigest.isEqual(hash.getBytes(), l.tokenHash().getBytes())).findFirst();
    }

    public Optional<Learner> learner(String id) {
        return Optional.ofNullable(learners.get(id)).map(l -> l.learner);
    }

    public Optional<AccountKeys> account(Learner learner) {
        return accounts.byId(learner.accountId());
    }

    /**
     * Takes a learner's batch; events already counted (a batch sent again after a lost
     * answer) are skipped. Saved before it is acknowledged.
     */
    public Mail record(Learner learner, List<WorkshopEvent> events, int broadcastsSeen) {
        LearnerLog log = learners.get(learner.id());
        int accepted = 0;
        synchronized (log) {
            for (WorkshopEvent event : events) {
                if (event.wellFormed() && log.add(event)) {
                    accepted++;
                }
            }
        }
        if (accepted > 0) {
            // the dashboard hears of the events at once; the learner's answer waits for the disk
            changed("learner", learner.id());
        }
        // also when nothing was new: a batch sent again after a failed save is written now
        store.ifPresent(s -> save(s, log));
        List<Broadcast> unseen;
        synchronized (this) {
            unseen = broadcasts.stream().filter(b -> b.seq() > broadcastsSeen).toList();
        }
        return new Mail(accepted, unseen, hold);
    }

    /**
     * Writes the learner's file unless a concurrent save already wrote these events: the file
     * only ever grows, and a batch is acknowledged once a file holding it is on disk.
     */
    private static void save(WorkshopStore store, LearnerLog log) {
        synchronized (log.saving) {
            List<WorkshopEvent> all;
            synchronized (log) {
                if (log.events.size() == log.saved) {
                    return;
                }
                all = List.copyOf(log.events);
            }
            store.save(new WorkshopStore.LearnerFile(log.learner, all));
            log.saved = all.size();
        }
    }

    public synchronized Broadcast broadcast(String text) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("a broadcast needs some text");
        }
        if (line.length() > MAX_BROADCAST) {
            line = line.substring(0, MAX_BROADCAST);
        }
        Broadcast broadcast = new Broadcast(broadcasts.size() + 1, clock.millis(), line);
        broadcasts.add(broadcast);
        saveClass();
        changed("class", "");
        return broadcast;
    }

    /** Holds everyone at this step (none may go past it) until {@link #release()}. */
    public synchronized void hold(StepRef step) {
        if (catalog.find(step.lesson()).flatMap(l -> l.step(step.step())).isEmpty()) {
            throw new IllegalArgumentException("no step " + step.key() + " in this workshop's lessons");
        }
        hold = step;
        saveClass();
        changed("class", "");
    }

    public synchronized void release() {
        hold = null;
        saveClass();
        changed("class", "");
    }

    public Optional<StepRef> heldAt() {
        return Optional.ofNullable(hold);
    }

    public synchronized List<Broadcast> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /** Every learner and a copy of their events, in the order they joined. */
    public List<LearnerEvents> snapshot() {
        List<LearnerEvents> all = new ArrayList<>();
        for (LearnerLog log : learners.values()) {
            synchronized (log) {
                all.add(new LearnerEvents(log.learner, List.copyOf(log.events)));
            }
        }
        all.sort(Comparator.comparingLong((LearnerEvents l) -> l.learner().joinedAt()).thenComparing(l -> l.learner().id()));
        return all;
    }

    public record LearnerEvents(Learner learner, List<WorkshopEvent> events) {
    }

    /** Every learner and a copy of their folded history, in the order they joined: what the board shows. */
    public List<LearnerState> states() {
        List<LearnerState> all = new ArrayList<>();
        for (LearnerLog log : learners.values()) {
            synchronized (log) {
                all.add(new LearnerState(log.learner, log.history.copy()));
            }
        }
        all.sort(Comparator.comparingLong((LearnerState l) -> l.learner().joinedAt()).thenComparing(l -> l.learner().id()));
        return all;
    }

    public record LearnerState(Learner learner, LearnerHistory history) {
    }

    private void saveClass() {
        store.ifPresent(s -> s.save(new WorkshopStore.ClassState(List.copyOf(broadcasts), hold)));
    }

    private void changed(String topic, String what) {
        listeners.forEach(l -> l.accept(topic, what));
    }
}
