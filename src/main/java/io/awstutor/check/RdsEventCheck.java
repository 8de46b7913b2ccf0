package io.awstutor.check;

import software.amazon.awssdk.services.rds.RdsClient;

import java.util.List;
import java.util.Optional;

/**
 * RDS reported an event for a DB instance or cluster (DescribeEvents, the last day) whose
 * message contains a text: what Aurora says when a Serverless v2 writer pauses or resumes,
 * {@code rds-event: {source: ${prefix}-aurora-writer, message: "Successfully paused the DB instance."}}.
 */
public record RdsEventCheck(String source, String message, Optional<String> region) implements Check {
    private static final int ONE_DAY_IN_MINUTES = 1440;

    static RdsEventCheck parse(Object value) {
        Spec spec = Spec.of("rds-event", value, "source", "message", "region");
        return new RdsEventCheck(spec.required("source"), spec.required("message"), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String identifier = context.substitute(source);
        List<String> messages;
        try (RdsClient rds = context.clients().rds(Ec2Lookup.region(context, region))) {
            messages = rds.describeEvents(b -> b.sourceIdentifier(identifier).duration(ONE_DAY_IN_MINUTES)).events().stream()
                    .map(e -> e.message()).toList();
        }
        if (messages.stream().anyMatch(m -> m.contains(message))) {
            return Verdict.pass("RDS reported for " + identifier + ": " + message);
        }
        return Verdict.fail("RDS has not reported \"" + message + "\" for " + identifier + " yet"
                + (messages.isEmpty() ? "." : " (its latest event: \"" + messages.get(messages.size() - 1) + "\")."));
    }

    @Override
    public String describe() {
        return "RDS event for " + source + ": " + message;
    }
}
