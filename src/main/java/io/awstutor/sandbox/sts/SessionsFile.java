package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** STS sessions in the data folder, so that credentials a learner holds survive a restart. */
final class SessionsFile {
    /** One session, flat (the caller's kind and fields), as JSON. */
    record Saved(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                 String kind, String accountId, String name, String path, String id, String sessionName) {
        @Override
        public String toString() {
            return "Saved[" + accessKeyId + ", " + kind + " " + name + "]";
        }
    }

    record Saves(List<Saved> sessions) {
    }

    private final StateFile file;

    SessionsFile(Path path) {
        this.file = new StateFile(path);
    }

    synchronized void save(List<Credential> sessions) {
        List<Saved> saved = new ArrayList<>();
        for (Credential c : sessions) {
            Caller caller = c.caller();
            String token = c.sessionToken().orElse(null);
            Instant expiration = c.expiration().orElse(null);
            if (caller instanceof Caller.AssumedRole r) {
                saved.add(new Saved(c.accessKeyId(), c.secretAccessKey(), token, expiration, "role", r.accountId(),
                        r.roleName(), null, r.roleId(), r.sessionName()));
            } else if (caller instanceof Caller.User u) {
                saved.add(new Saved(c.accessKeyId(), c.secretAccessKey(), token, expiration, "user", u.accountId(),
                        u.userName(), u.path(), u.uniqueId(), null));
            } else if (caller instanceof Caller.Root root) {
                saved.add(new Saved(c.accessKeyId(), c.secretAccessKey(), token, expiration, "root", root.accountId(),
                        null, null, null, null));
            }
        }
        try {
            file.save(new Saves(saved));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save STS sessions to " + file.path(), e);
        }
    }

    List<Credential> load() {
        Optional<Saves> saves;
        try {
            saves = file.load(Saves.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        List<Credential> credentials = new ArrayList<>();
        for (Saved s : saves.map(Saves::sessions).orElse(List.of())) {
            Caller caller = switch (s.kind()) {
                case "role" -> new Caller.AssumedRole(s.accountId(), s.name(), s.id(), s.sessionName());
                case "user" -> new Caller.User(s.accountId(), s.name(), s.path(), s.id());
                default -> new Caller.Root(s.accountId());
            };
            credentials.add(new Credential(s.accessKeyId(), s.secretAccessKey(), caller, true,
                    Optional.ofNullable(s.sessionToken()), Optional.ofNullable(s.expiration())));
        }
        return credentials;
    }
}
