package io.awstutor.sandbox.budgets;

import java.util.List;

/** Where a budget alert's e-mail goes: the sandbox's SES mailbox, wired where the services are built. */
@FunctionalInterface
public interface AlertMailer {
    void send(String account, String from, List<String> to, String subject, String body);
}
