package io.awstutor.sandbox.ses;

import java.time.Instant;

/**
 * An address or domain the account asked SES to verify, in one region. The sandbox has no
 * mailbox to click a link in and no DNS to hold a TXT record, so it completes verification
 * at once (as LocalStack and moto do); the token a domain would publish is still issued.
 */
record Identity(String name, Type type, Instant createdAt, String verificationToken) {

    enum Type { EmailAddress, Domain }

    String verificationStatus() {
        return "Success";
    }
}
