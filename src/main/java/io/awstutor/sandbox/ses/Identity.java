package io.awstutor.sandbox.ses;

import java.time.Duration;
import java.time.Instant;

/**
 * An address or domain the account asked SES to verify, in one region, and how far that got.
 * An address is verified when someone opens the link SES mailed to it ({@code linkToken}
 * names that link); a domain when its owner publishes {@code verificationToken} as a TXT
 * record. Unverified, the request lapses as on AWS: an address after 24 hours, a domain after
 * 72. A sandbox started with SES auto-verification marks both verified at once (LocalStack's
 * and moto's behaviour). {@code status} is null in state saved before verification had steps,
 * when every identity was verified at once.
 */
public record Identity(String name, Type type, Instant createdAt, String verificationToken, Status status,
                       String linkToken) {

    public enum Type { EmailAddress, Domain }

    /** SES's VerificationStatus values the sandbox reaches. */
    public enum Status { Pending, Success, Failed }

    /** The status as SES reports it at {@code now}: a pending request past its deadline has failed. */
    public Status statusAt(Instant now) {
        if (status == null) {
            return Status.Success;
        }
        if (status == Status.Pending && now.isAfter(createdAt.plus(type == Type.Domain ? Duration.ofHours(72) : Duration.ofHours(24)))) {
            return Status.Failed;
        }
        return status;
    }

    Identity verified() {
        return new Identity(name, type, createdAt, verificationToken, Status.Success, null);
    }
}
