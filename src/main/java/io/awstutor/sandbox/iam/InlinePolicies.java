package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.iam.policy.PolicyKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Put/Get/Delete/List{User,Group,Role}Policy: documents embedded in one identity. */
public final class InlinePolicies {
    private final IamBackend backend;

    InlinePolicies(IamBackend backend) {
        this.backend = backend;
    }

    public void put(IdentityKind kind, String accountId, String identity, String policyName, String document) {
        IamValidation.name("policyName", policyName, 128);
        PolicyDocuments.validate(document, PolicyKind.IDENTITY);
        backend.write(accountId, account -> {
            Permissions current = kind.permissions(account, identity);
            Permissions updated = current.withInline(policyName, document);
            int total = updated.inline().values().stream().mapToInt(PolicyDocuments::size).sum();
            if (total > kind.inlineQuota) {
                throw IamErrors.limitExceeded("Maximum policy size of " + kind.inlineQuota + " bytes exceeded for "
                        + kind.lower + " " + kind.canonicalName(account, identity));
            }
            kind.setPermissions(account, identity, updated);
            return null;
        });
    }

    /** The stored name (IAM keeps the first spelling) and document. */
    public InlinePolicy get(IdentityKind kind, String accountId, String identity, String policyName) {
        return backend.read(accountId, account -> {
            Permissions permissions = kind.permissions(account, identity);
            String stored = permissions.findInlineName(policyName);
            if (stored == null) {
                throw noSuchPolicy(kind, policyName);
            }
            return new InlinePolicy(kind.canonicalName(account, identity), stored, permissions.inline().get(stored));
        });
    }

    public void delete(IdentityKind kind, String accountId, String identity, String policyName) {
        backend.write(accountId, account -> {
            Permissions permissions = kind.permissions(account, identity);
            if (permissions.findInlineName(policyName) == null) {
                throw noSuchPolicy(kind, policyName);
            }
            kind.setPermissions(account, identity, permissions.withoutInline(policyName));
            return null;
        });
    }

    public Page<String> list(IdentityKind kind, String accountId, String identity, Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            List<String> names = new ArrayList<>(kind.permissions(account, identity).inline().keySet());
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return Page.of(names, IamAccount::key, marker, maxItems);
        });
    }

    private static RuntimeException noSuchPolicy(IdentityKind kind, String policyName) {
        return IamErrors.noSuchEntity("The " + kind.lower + " policy with name " + policyName + " cannot be found.");
    }

    public record InlinePolicy(String identityName, String policyName, String document) {
    }
}
