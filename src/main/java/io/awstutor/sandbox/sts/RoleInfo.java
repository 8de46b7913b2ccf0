package io.awstutor.sandbox.sts;

/**
 * What STS needs to know of an IAM role: its name and path, its id (AROA…), its trust policy
 * (the AssumeRolePolicyDocument JSON) and how long its sessions may last.
 */
public record RoleInfo(String accountId, String roleName, String path, String roleId, String trustPolicy,
                       int maxSessionDurationSeconds) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + roleName;
    }
}
