package io.awstutor.check;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An IAM role exists, optionally trusting a principal (a service such as
 * {@code ec2.amazonaws.com} or an account) in its trust policy:
 * {@code iam-role: {name: ${prefix}-web, trusts: ec2.amazonaws.com}}.
 */
public record IamRoleCheck(String roleName, Optional<String> trusts) implements Check {

    static IamRoleCheck parse(Object value) {
        Spec spec = Spec.of("iam-role", value, "name", "trusts");
        return new IamRoleCheck(spec.required("name"), spec.optional("trusts"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(roleName);
        try (IamClient iam = context.clients().iam()) {
            Role role;
            try {
                role = iam.getRole(b -> b.roleName(name)).role();
            } catch (NoSuchEntityException e) {
                return Verdict.fail("There is no IAM role named " + name + " yet.");
            }
            if (trusts.isPresent()) {
                String principal = context.substitute(trusts.get());
                // IAM returns the trust policy URL-encoded.
                String document = role.assumeRolePolicyDocument() == null ? ""
                        : URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
                if (!document.contains(principal)) {
                    return Verdict.fail("The role " + name + " exists, but its trust policy does not name " + principal
                            + ", so " + principal + " cannot assume it.");
                }
                return Verdict.pass("role " + name + " trusts " + principal);
            }
            return Verdict.pass("IAM role " + name + " exists");
        }
    }

    @Override
    public String describe() {
        return "IAM role " + roleName + trusts.map(t -> " trusting " + t).orElse("");
    }
}
