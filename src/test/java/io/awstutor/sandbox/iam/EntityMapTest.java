package io.awstutor.sandbox.iam;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An IAM write's journal line comes from the keys its account's maps recorded as changed: each
 * mutator must record, and no view may change a map around the record (a change it missed would
 * be answered but never saved). The tests run with assertions on, so IamChange also checks each
 * record against a walk of the whole maps.
 */
class EntityMapTest {
    private static final Instant T = Instant.parse("2026-12-06T00:00:00Z");

    private static IamUser user(String name) {
        return new IamUser(name, "/", "AIDA" + name.toUpperCase(java.util.Locale.ROOT), T, List.of(), null, Permissions.none());
    }

    private static AccessKey key(String id, String user) {
        return new AccessKey(id, "secret-" + id, user, true, T);
    }

    /** An account with {@code users} users and a key each, and its shadow (as last staged). */
    private static IamAccount[] accountWith(int users) {
        IamAccount live = new IamAccount("123456789012", T);
        IamAccount shadow = new IamAccount("123456789012", T);
        for (int i = 0; i < users; i++) {
            IamUser u = user("user" + i);
            live.users.put(IamAccount.key(u.name()), u);
            shadow.users.put(IamAccount.key(u.name()), u);
            AccessKey k = key("AKIA" + i, u.name());
            live.accessKeys.put(k.id(), k);
            shadow.accessKeys.put(k.id(), k);
        }
        live.forgetTouched();
        shadow.forgetTouched();
        return new IamAccount[] {shadow, live};
    }

    private static IamChange changeAfter(int users, Consumer<IamAccount> write) {
        IamAccount[] accounts = accountWith(users);
        write.accept(accounts[1]);
        return IamChange.between(1, accounts[0], accounts[1])[0];
    }

    @Test
    void aCreateUserAmongTenThousandIsFoundAloneAndTheRecordIsThenEmpty() {
        IamAccount[] accounts = accountWith(10_000);
        IamUser added = user("newcomer");
        accounts[1].users.put("newcomer", added);
        IamChange change = IamChange.between(1, accounts[0], accounts[1])[0];
        assertEquals(Map.of("newcomer", added), change.users());
        assertEquals(Map.of(), change.accessKeys());
        assertNull(IamChange.between(2, accounts[1], accounts[1]), "the next write starts from an empty record");
    }

    @Test
    void everyMutatorRecordsItsKey() {
        IamUser changed = user("User1").withTags(List.of());
        Map<String, Consumer<IamAccount>> writes = Map.ofEntries(
                Map.entry("put", a -> a.users.put("user1", changed)),
                Map.entry("remove", a -> a.users.remove("user1")),
                Map.entry("remove(k, v)", a -> a.users.remove("user1", a.users.get("user1"))),
                Map.entry("putAll", a -> a.users.putAll(Map.of("user1", changed))),
                Map.entry("replace", a -> a.users.replace("user1", changed)),
                Map.entry("replace(k, old, new)", a -> a.users.replace("user1", a.users.get("user1"), changed)),
                Map.entry("compute", a -> a.users.compute("user1", (k, v) -> changed)),
                Map.entry("computeIfPresent", a -> a.users.computeIfPresent("user1", (k, v) -> null)),
                Map.entry("merge", a -> a.users.merge("user1", changed, (x, y) -> y)),
                Map.entry("replaceAll", a -> a.users.replaceAll((k, v) -> k.equals("user1") ? changed : v)),
                Map.entry("keys: replaceAll", a -> a.accessKeys.replaceAll((k, v) -> k.equals("AKIA1") ? v.withActive(false) : v)),
                Map.entry("keys: remove", a -> a.accessKeys.remove("AKIA1")),
                Map.entry("keys: compute", a -> a.accessKeys.compute("AKIA1", (k, v) -> v.withActive(false))));
        writes.forEach((name, write) -> {
            IamChange change = changeAfter(3, write);
            int found = change.users().size() + change.accessKeys().size();
            assertEquals(1, found, name + " changed one entity: " + change);
        });
        IamChange cleared = changeAfter(3, a -> a.users.clear());
        assertEquals(3, cleared.users().size(), "clear removes every user");
        IamChange added = changeAfter(3, a -> a.users.putIfAbsent("user9", user("user9")));
        assertEquals(List.of("user9"), List.copyOf(added.users().keySet()));
        IamChange computed = changeAfter(3, a -> a.users.computeIfAbsent("user9", k -> user("user9")));
        assertEquals(List.of("user9"), List.copyOf(computed.users().keySet()));
    }

    @Test
    void noViewChangesAMapAroundTheRecord() {
        IamAccount account = accountWith(3)[1];
        List<Runnable> changes = List.of(
                () -> account.users.values().removeIf(u -> true),
                () -> account.users.keySet().remove("user1"),
                () -> account.users.entrySet().clear(),
                () -> account.users.entrySet().iterator().next().setValue(user("other")),
                () -> account.users.entrySet().removeIf(e -> true),
                () -> account.accessKeys.values().clear(),
                () -> account.accessKeys.keySet().removeIf(k -> true),
                () -> account.accessKeys.entrySet().iterator().remove());
        for (Runnable change : changes) {
            assertThrows(UnsupportedOperationException.class, change::run);
        }
        assertEquals(3, account.users.size());
        assertEquals(3, account.accessKeys.size());
    }
}
