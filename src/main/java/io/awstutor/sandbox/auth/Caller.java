package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.protocol.Arns;

/**
 * Who signed a request, as IAM sees it. Root is never denied; everything else goes through
 * the IAM evaluator.
 */
public sealed interface Caller permits Caller.Root, Caller.User, Caller.AssumedRole, Caller.Anonymous {

    /** The account the caller belongs to ("" for anonymous). */
    String accountId();

    /** The ARN that STS GetCallerIdentity returns and that error messages name. */
    String arn();

    /** The value of aws:userid (AIDA…, ASIA…:session, or the account id for root). */
    String userId();

    record Root(String accountId) implements Caller {
        public String arn() { return Arns.global("iam", accountId, "root"); }
        public String userId() { return accountId; }
    }

    record User(String accountId, String userName, String path, String uniqueId) implements Caller {
        public String arn() { return Arns.global("iam", accountId, "user" + path + userName); }
        public String userId() { return uniqueId; }
    }

    /** A role session: {@code roleId} is AROA…, the session name is the learner's choice. */
    record AssumedRole(String accountId, String roleName, String roleId, String sessionName) implements Caller {
        public String arn() { return Arns.global("sts", accountId, "assumed-role/" + roleName + "/" + sessionName); }
        public String roleArn() { return Arns.global("iam", accountId, "role/" + roleName); }
        public String userId() { return roleId + ":" + sessionName; }
    }

    record Anonymous() implements Caller {
        public String accountId() { return ""; }
        public String arn() { return "*"; }
        public String userId() { return "anonymous"; }
    }
}
