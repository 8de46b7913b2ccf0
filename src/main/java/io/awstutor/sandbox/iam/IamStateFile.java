package io.awstutor.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.durable.DurableJournal;
import io.awstutor.json.JsonMappers;
import io.awstutor.sandbox.persist.GroupCommit;
import io.awstutor.sandbox.persist.StateFile.CorruptStateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's state on disk: a snapshot of every account ({@code iam.json}) and a journal of the
 * changes since ({@code iam.journal}, one {@link IamChange} a line), kept by
 * {@link DurableJournal}. A write appends only what it changed, so CreateUser costs the same
 * with ten users or ten thousand, and concurrent writes share one fsync ({@link GroupCommit});
 * when the journal has grown to the snapshot's size the next write folds it into a new
 * snapshot. A write that cannot be saved is undone (its {@link IamChange} inverse) before it
 * is answered. Access key secrets are in these files because signatures are verified with
 * them; passwords are not (only their hashes).
 */
final class IamStateFile {
    private static final ObjectMapper MAPPER = JsonMappers.mapper();
    /** Below this the journal is never compacted: rewriting a small state often would cost more than it saves. */
    private static final long COMPACT_FLOOR_BYTES = 256 * 1024;

    private final long compactFloorBytes;
    private final DurableJournal journal;
    private final GroupCommit<Staged> commits;
    /** Each account as last staged (under IAM's write lock): what the next write is compared with. */
    private final Map<String, IamAccount> shadows = new HashMap<>();
    private long seq;
    /** A compaction is staged and not yet written (so the next writes do not copy the whole state again). */
    private volatile boolean compactionStaged;

    /** The snapshot file: every account, and the last journal line it contains. */
    record Snapshot(long through, List<AccountState> accounts) {
    }

    /**
     * What one write hands the group commit: its change, its inverse, and, now and then, the
     * whole state to compact into. Its journal line is made by the writing thread itself while
     * it waits ({@link #awaitDurable}), all of them at once, rather than one after another by
     * the thread that writes the batch: the write is the one step no two threads share.
     */
    static final class Staged {
        private final IamChange change;
        private final IamChange undo;
        private final Snapshot compactTo;
        private long generation;
        private byte[] line;

        Staged(IamChange change, IamChange undo, Snapshot compactTo) {
            this.change = change;
            this.undo = undo;
            this.compactTo = compactTo;
        }

        IamChange undo() {
            return undo;
        }

        Snapshot compactTo() {
            return compactTo;
        }

        /** The change as one journal line (made once, by whichever thread asks first). */
        synchronized byte[] line() throws JsonProcessingException {
            if (line == null) {
                line = MAPPER.writeValueAsBytes(change);
            }
            return line;
        }
    }

    /** One account as it is written: plain lists of the entities. */
    record AccountState(String accountId, Instant created, List<IamUser> users, List<IamGroup> groups,
                        List<IamRole> roles, List<ManagedPolicy> policies, List<InstanceProfile> instanceProfiles,
                        List<AccessKey> accessKeys, List<LoginProfile> loginProfiles, PasswordPolicy passwordPolicy,
                        String alias) {

        static AccountState of(IamAccount a) {
            return new AccountState(a.accountId, a.created, new ArrayList<>(a.users.values()), new ArrayList<>(a.groups.values()),
                    new ArrayList<>(a.roles.values()), new ArrayList<>(a.policies.values()),
                    new ArrayList<>(a.instanceProfiles.values()), new ArrayList<>(a.accessKeys.values()),
                    new ArrayList<>(a.loginProfiles.values()), a.passwordPolicy, a.alias);
        }

        IamAccount toAccount() {
            IamAccount a = new IamAccount(accountId, created);
            nonNull(users).forEach(u -> a.users.put(IamAccount.key(u.name()), u));
            nonNull(groups).forEach(g -> a.groups.put(IamAccount.key(g.name()), g));
            nonNull(roles).forEach(r -> a.roles.put(IamAccount.key(r.name()), r));
            nonNull(policies).forEach(p -> a.policies.put(IamAccount.key(p.name()), p));
            nonNull(instanceProfiles).forEach(p -> a.instanceProfiles.put(IamAccount.key(p.name()), p));
            nonNull(accessKeys).forEach(k -> a.accessKeys.put(k.id(), k));
            nonNull(loginProfiles).forEach(p -> a.loginProfiles.put(IamAccount.key(p.userName()), p));
            a.passwordPolicy = passwordPolicy;
            a.alias = alias;
            return a;
        }

        private static <T> List<T> nonNull(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    IamStateFile(Path dir) {
        this(dir, COMPACT_FLOOR_BYTES);
    }

    /** {@code compactFloorBytes}: a test's small floor, to reach a compaction in a few writes. */
    IamStateFile(Path dir, long compactFloorBytes) {
        this.compactFloorBytes = compactFloorBytes;
        try {
            this.journal = new DurableJournal(dir.resolve("iam.json"), dir.resolve("iam.journal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear unfinished writes in " + dir, e);
        }
        this.commits = new GroupCommit<>(journal.snapshotPath().toString(), this::write);
    }

    /** A file that does not parse stops the sandbox with its path and reason rather than lose the learner's IAM state. */
    Map<String, IamAccount> load() {
        try {
            DurableJournal.Contents contents = journal.read();
            Map<String, IamAccount> accounts = new TreeMap<>();
            long through = 0;
            if (contents.snapshot().isPresent()) {
                JsonNode root = parse(contents.snapshot().get(), journal.snapshotPath(), 0);
                // before the journal, iam.json was the bare list of accounts
                Snapshot snapshot = root.isArray() ? new Snapshot(0, List.of(convert(root, AccountState[].class, journal.snapshotPath(), 0)))
                        : MAPPER.treeToValue(root, Snapshot.class);
                through = snapshot.through();
                snapshot.accounts().forEach(a -> accounts.put(a.accountId(), a.toAccount()));
            }
            seq = through;
            int line = 0;
            for (byte[] entry : contents.entries()) {
                line++;
                IamChange change = convert(parse(entry, journal.logPath(), line), IamChange.class, journal.logPath(), line);
                if (change.seq() > through) {
                    change.applyTo(accounts.computeIfAbsent(change.accountId(), id -> new IamAccount(id, change.created())));
                    seq = Math.max(seq, change.seq());
                }
            }
            accounts.forEach((id, account) -> {
                account.forgetTouched();
                IamAccount shadow = AccountState.of(account).toAccount();
                shadow.forgetTouched();
                shadows.put(id, shadow);
            });
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IAM state from " + journal.snapshotPath() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(byte[] json, Path file, int line) throws CorruptStateException {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw corrupt(file, line, e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type, Path file, int line) throws CorruptStateException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw corrupt(file, line, e);
        }
    }

    private static CorruptStateException corrupt(Path file, int line, Exception e) {
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new CorruptStateException(file, (line > 0 ? "line " + line + ": " : "") + reason);
    }

    /** Who puts IAM's state back when a write cannot be saved; see {@link GroupCommit.Rollback}. */
    void onFailure(GroupCommit.Rollback rollback) {
        commits.onFailure(rollback);
    }

    /**
     * Under IAM's write lock, after a change to {@code account}: stages what it changed (compared
     * with the account as last staged). Returns what to await, or null when nothing changed.
     */
    Staged stage(IamAccount account, Map<String, IamAccount> accounts) {
        IamAccount shadow = shadows.computeIfAbsent(account.accountId, id -> new IamAccount(id, null));
        IamChange[] change = IamChange.between(seq + 1, shadow, account);
        if (change == null) {
            return null;
        }
        seq++;
        change[0].applyTo(shadow);
        shadow.forgetTouched();
        Snapshot compactTo = null;
        if (!compactionStaged && journal.wantsCompaction(compactFloorBytes)) {
            // copies of the lists only (the entities are immutable): serialized by the writer, outside the lock
            List<AccountState> states = new ArrayList<>();
            accounts.values().forEach(a -> states.add(AccountState.of(a)));
            compactTo = new Snapshot(seq, states);
            compactionStaged = true;
        }
        Staged staged = new Staged(change[0], change[1], compactTo);
        staged.generation = commits.stage(staged);
        return staged;
    }

    /**
     * In the rollback, under IAM's write lock: fails every write not yet on disk and undoes
     * them, newest first, in {@code accounts} and in the shadows. Returns the undone changes'
     * inverses (for the caller's indexes).
     */
    List<IamChange> undoUndurable(Map<String, IamAccount> accounts) {
        List<Staged> undone = commits.abandonUndurable();
        List<IamChange> inverses = new ArrayList<>();
        for (int i = undone.size() - 1; i >= 0; i--) {
            IamChange undo = undone.get(i).undo();
            IamAccount account = accounts.get(undo.accountId());
            if (account != null) {
                undo.applyTo(account);
            }
            IamAccount shadow = shadows.computeIfAbsent(undo.accountId(), id -> new IamAccount(id, null));
            undo.applyTo(shadow);
            shadow.forgetTouched();
            inverses.add(undo);
        }
        compactionStaged = false;
        return inverses;
    }

    /** The group commit's writer: appends the batch's lines, or, when the batch ends with a compaction, writes the snapshot instead. */
    private void write(List<Staged> batch) throws IOException {
        Snapshot compactTo = batch.isEmpty() ? null : batch.get(batch.size() - 1).compactTo();
        if (compactTo != null) {
            // the snapshot holds every change of the batch (it was taken with the last one)
            journal.compact(MAPPER.writeValueAsBytes(compactTo));
            compactionStaged = false;
            return;
        }
        // a compaction staged earlier in the batch is dropped, and staged again by a later write
        if (batch.stream().anyMatch(s -> s.compactTo() != null)) {
            compactionStaged = false;
        }
        List<byte[]> lines = new ArrayList<>(batch.size());
        for (Staged staged : batch) {
            lines.add(staged.line());
        }
        journal.append(lines);
    }

    /** After the lock is released: returns once the staged change is on disk (shared with the changes staged meanwhile). */
    void awaitDurable(Staged staged) {
        if (staged == null) {
            return;
        }
        if (staged.compactTo() == null) {
            try {
                staged.line();
            } catch (JsonProcessingException e) {
                // the writer meets it again, and fails the batch with it
            }
        }
        commits.awaitDurable(staged.generation);
    }
}
