package io.awstutor.sandbox.iam;

/**
 * The three kinds of IAM identity that hold policies, with what differs between them: where
 * their permissions live, their ARN, and their quotas (inline size, managed attachments).
 */
enum IdentityKind {
    USER("user", "User", 2048) {
        @Override
        Permissions permissions(IamAccount account, String name) {
            return account.requireUser(name).permissions();
        }

        @Override
        void setPermissions(IamAccount account, String name, Permissions permissions) {
            IamUser user = account.requireUser(name);
            account.users.put(IamAccount.key(name), user.withPermissions(permissions));
        }

        @Override
        String arn(IamAccount account, String name) {
            return account.requireUser(name).arn(account.accountId);
        }

        @Override
        String canonicalName(IamAccount account, String name) {
            return account.requireUser(name).name();
        }
    },
    GROUP("group", "Group", 5120) {
        @Override
        Permissions permissions(IamAccount account, String name) {
            return account.requireGroup(name).permissions();
        }

        @Override
        void setPermissions(IamAccount account, String name, Permissions permissions) {
            IamGroup group = account.requireGroup(name);
            account.groups.put(IamAccount.key(name), group.withPermissions(permissions));
        }

        @Override
        String arn(IamAccount account, String name) {
            return account.requireGroup(name).arn(account.accountId);
        }

        @Override
        String canonicalName(IamAccount account, String name) {
            return account.requireGroup(name).name();
        }
    },
    ROLE("role", "Role", 10240) {
        @Override
        Permissions permissions(IamAccount account, String name) {
            return account.requireRole(name).permissions();
        }

        @Override
        void setPermissions(IamAccount account, String name, Permissions permissions) {
            IamRole role = account.requireRole(name);
            account.roles.put(IamAccount.key(name), role.withPermissions(permissions));
        }

        @Override
        String arn(IamAccount account, String name) {
            return account.requireRole(name).arn(account.accountId);
        }

        @Override
        String canonicalName(IamAccount account, String name) {
            return account.requireRole(name).name();
        }
    };

    static final int MAX_ATTACHED = 10;

    final String lower;
    final String capitalized;
    final int inlineQuota;

    IdentityKind(String lower, String capitalized, int inlineQuota) {
        this.lower = lower;
        this.capitalized = capitalized;
        this.inlineQuota = inlineQuota;
    }

    abstract Permissions permissions(IamAccount account, String name);

    abstract void setPermissions(IamAccount account, String name, Permissions permissions);

    abstract String arn(IamAccount account, String name);

    abstract String canonicalName(IamAccount account, String name);

    /** The request member holding the identity's name: UserName, GroupName, RoleName. */
    String nameMember() {
        return capitalized + "Name";
    }
}
