package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;

/** IAM's ARN forms: {@code arn:aws:iam::ACCOUNT:user/path/name}. */
public final class IamArns {
    private IamArns() {
    }

    public static String of(String accountId, String type, String path, String name) {
        return Arns.global("iam", accountId, type + path + name);
    }

    /** The resource a List* action is authorized against: {@code arn:aws:iam::ACCOUNT:user/} plus the path prefix. */
    public static String listing(String accountId, String type, String pathPrefix) {
        return Arns.globalPrefix("iam", accountId, type + pathPrefix);
    }

    public static String root(String accountId) {
        return Arns.global("iam", accountId, "root");
    }
}
