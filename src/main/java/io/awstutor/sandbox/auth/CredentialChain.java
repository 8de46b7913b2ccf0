package io.awstutor.sandbox.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every key the sandbox knows, asked in order: the root pair first, then IAM users' keys,
 * then STS sessions. Nothing is cached, so a deactivated or deleted key stops working at
 * the very next request.
 */
public final class CredentialChain implements CredentialStore {
    private final List<CredentialStore> stores = new CopyOnWriteArrayList<>();
    private final String rootAccessKey;

    public CredentialChain(String rootAccessKey, String rootSecret, String rootAccount) {
        this.rootAccessKey = rootAccessKey;
        Credential root = Credential.permanent(rootAccessKey, rootSecret, new Caller.Root(rootAccount), true);
        stores.add(key -> rootAccessKey.equals(key) ? Optional.of(root) : Optional.empty());
    }

    public CredentialChain add(CredentialStore store) {
        stores.add(store);
        return this;
    }

    /** The well-known root key is everybody's: it opens the sandbox only from this machine. */
    @Override
    public boolean loopbackOnly(String accessKeyId) {
        return rootAccessKey.equals(accessKeyId);
    }

    @Override
    public Optional<Credential> lookup(String accessKeyId) {
        for (CredentialStore store : stores) {
            Optional<Credential> found = store.lookup(accessKeyId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
