package io.awstutor.sandbox.iam;

/** IAM's ARN forms: {@code arn:aws:iam::ACCOUNT:user/path/name}. */
public final class IamArns {
    private IamArns() {
    }

    public static String of(String accountId, String type, String path, String name) {
        return "arn:aws:iam::" + accountId + ":" + type + path + name;
    }

    /** The resource a List* action is authorized against: {@code arn:aws:iam::ACCOUNT:user/} plus the path prefix. */
    public static String listing(String accountId, String type, String pathPrefix) {
        return "arn:aws:iam::" + accountId + ":" + type + pathPrefix;
    }

    public static String root(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
