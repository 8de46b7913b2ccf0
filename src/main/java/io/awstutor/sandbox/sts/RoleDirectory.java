package io.awstutor.sandbox.sts;

import java.util.Optional;

/** The roles STS may hand out sessions for; IAM's backend answers (roles are IAM's). */
public interface RoleDirectory {
    /** The role with this ARN in this account, if it exists. */
    Optional<RoleInfo> role(String accountId, String roleArn);

    /** Until IAM answers: there are no roles. */
    RoleDirectory NONE = (accountId, roleArn) -> Optional.empty();
}
