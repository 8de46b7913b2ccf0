package io.awstutor.check;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.Optional;

/**
 * An IAM group exists, optionally with a member: {@code iam-group: ${prefix}-readers} or
 * {@code iam-group: {name: ${prefix}-readers, member: ${prefix}-carol}}.
 */
public record IamGroupCheck(String groupName, Optional<String> member) implements Check {

    static IamGroupCheck parse(Object value) {
        Spec spec = Spec.of("iam-group", value, "name", "member");
        return new IamGroupCheck(spec.required("name"), spec.optional("member"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(groupName);
        try (IamClient iam = context.clients().iam()) {
            GetGroupResponse group;
            try {
                group = iam.getGroup(b -> b.groupName(name));
            } catch (NoSuchEntityException e) {
                return Verdict.fail("There is no IAM group named " + name + " yet.");
            }
            if (member.isPresent()) {
                String user = context.substitute(member.get());
                // GetGroup pages its users; a lesson's group is small, but follow the pages anyway.
                boolean found = iam.getGroupPaginator(b -> b.groupName(name)).users().stream()
                        .anyMatch(u -> u.userName().equals(user));
                if (!found) {
                    return Verdict.fail("The group " + name + " exists, but " + user + " is not a member of it yet"
                            + (group.users().isEmpty() ? " (it has no members)." : "."));
                }
                return Verdict.pass(user + " is a member of " + name);
            }
            return Verdict.pass("IAM group " + name + " exists");
        }
    }

    @Override
    public String describe() {
        return "IAM group " + groupName + member.map(m -> " with member " + m).orElse("");
    }
}
