package io.awstutor.sandbox.secretsmanager;

import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Secrets Manager's state on disk: every account's secrets in one owner-only JSON file,
 * written atomically after every change. The values are there as they are on AWS's side,
 * so the file is as secret as the secrets (the durable writer makes it readable by its owner
 * only).
 */
final class SecretsStore {
    record Stored(List<Secret> secrets) {
    }

    private final StateFile file;

    SecretsStore(Path dir) {
        this.file = new StateFile(dir.resolve("secretsmanager.json"));
    }

    List<Secret> load() {
        try {
            return file.load(Stored.class).map(Stored::secrets).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    void save(Collection<Secret> secrets) {
        try {
            file.save(new Stored(List.copyOf(secrets)));
        } catch (IOException e) {
            throw new AwsException("InternalServiceError", "The sandbox could not save Secrets Manager's state: " + e.getMessage(),
                    500, false);
        }
    }
}
