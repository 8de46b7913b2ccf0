package io.awstutor.cost;

import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** Which account a target's clients act in: the ledger files resources under it. */
public final class Accounts {
    public static final String UNKNOWN = "unknown";

    private Accounts() {
    }

    public static String of(ClientFactory clients) {
        try {
            try (var sts = clients.sts()) {
                return sts.getCallerIdentity().account();
            }
        } catch (SdkException e) {
            return UNKNOWN;
        }
    }
}
