package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.protocol.Arns;

/**
 * What STS needs to know of an IAM role: its name and path, its id (AROA…), its trust policy
 * (the AssumeRolePolicyDocument JSON) and how long its sessions may last.
 */
public record RoleInfo(String accountId, String roleName, String path, String roleId, String trustPolicy,
                       int maxSessionDurationSeconds) {

    public String arn() {
        return Arns.global("iam", accountId, "role" + path + roleName);
    }
}
