package io.awstutor.check;

import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.IdentityVerificationAttributes;

import java.util.Optional;

/**
 * An SES identity (an address or a domain) exists in the session's region, optionally with
 * a verification status: {@code ses-identity: {name: ${prefix}@example.com, status: Success}}.
 */
public record SesIdentityCheck(String name, Optional<String> status, Optional<String> region) implements Check {

    static SesIdentityCheck parse(Object value) {
        Spec spec = Spec.of("ses-identity", value, "name", "status", "region");
        return new SesIdentityCheck(spec.required("name"), spec.optional("status"), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String identity = context.substitute(name);
        String where = Ec2Lookup.region(context, region);
        try (SesClient ses = context.clients().ses(where)) {
            IdentityVerificationAttributes attributes = ses.getIdentityVerificationAttributes(b -> b.identities(identity))
                    .verificationAttributes().get(identity);
            if (attributes == null) {
                return Verdict.fail("SES has no identity " + identity + " in " + where
                        + " yet: ask SES to verify it there (identities are per region).");
            }
            String actual = attributes.verificationStatusAsString();
            if (status.isPresent() && status.get().equalsIgnoreCase("Success") && "Pending".equals(actual)) {
                return Verdict.fail("The identity " + identity + " is Pending: SES mailed it a link, and it is verified"
                        + " once that link is opened.");
            }
            if (status.isPresent() && status.get().equalsIgnoreCase("Success") && "Failed".equals(actual)) {
                return Verdict.fail("The identity " + identity + " is Failed: its link was not opened within 24 hours;"
                        + " ask SES to verify it again for a new one.");
            }
            if (status.isPresent() && !status.get().equalsIgnoreCase(actual)) {
                return Verdict.fail("The identity " + identity + " is " + actual + ", not " + status.get() + ".");
            }
            return Verdict.pass("SES identity " + identity + " (" + actual + ") in " + where);
        }
    }

    @Override
    public String describe() {
        return "SES identity " + name + status.map(s -> " " + s).orElse("");
    }
}
