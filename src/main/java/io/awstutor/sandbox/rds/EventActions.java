package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.time.Duration;
import java.util.Map;

/**
 * DescribeEvents: what happened to DB instances, notably why no engine runs behind one
 * (it could not be fetched) or why one is "failed" (its engine would not start).
 */
final class EventActions {
    private final RdsBackend backend;

    EventActions(RdsBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeEvents", this::describe);
    }

    private void describe(QueryParams p, ServiceCall call, XmlWriter result) {
        call.authorize("rds:DescribeEvents", "*", "AccessDenied");
        Integer minutes = RdsParams.integer(p, "Duration");
        var since = backend.now().minus(Duration.ofMinutes(minutes == null ? 60 : minutes));
        var events = backend.describeEvents(call.accountId(), call.region(), RdsParams.optional(p, "SourceIdentifier"),
                RdsParams.optional(p, "SourceType"), since);
        Page<RdsEvent> page = Page.of(events, e -> String.format("%020d%020d", e.date().getEpochSecond(), e.date().getNano()) + e.sourceIdentifier(),
                RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start("Events");
        for (RdsEvent e : page.items()) {
            result.start("Event")
                    .element("SourceIdentifier", e.sourceIdentifier())
                    .element("SourceType", e.sourceType())
                    .element("Message", e.message())
                    .start("EventCategories").element("EventCategory", e.category()).end()
                    .element("Date", e.date())
                    .element("SourceArn", e.sourceArn())
                    .end();
        }
        result.end().element("Marker", page.nextMarker());
    }
}
