package io.awstutor.sandbox.s3.access;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.Set;

/** One ACL entry: a grantee and FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP. */
public record Grant(Grantee grantee, String permission) {
    public static final Set<String> PERMISSIONS = Set.of("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP");

    public Grant {
        if (!PERMISSIONS.contains(permission)) {
            throw AwsException.badRequest("MalformedACLError",
                    "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    /** Whether this grant gives {@code wanted} (FULL_CONTROL gives everything). */
    public boolean gives(String wanted) {
        return permission.equals(wanted) || permission.equals("FULL_CONTROL");
    }
}
