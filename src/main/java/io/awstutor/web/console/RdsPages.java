package io.awstutor.web.console;

import io.awstutor.web.Html;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.ArrayList;
import java.util.List;

/** RDS: database instances and Aurora clusters with their status and endpoints, and recent events. */
final class RdsPages {
    private final ConsoleClients clients;

    RdsPages(ConsoleClients clients) {
        this.clients = clients;
    }

    WebResponse overview(WebRequest request, Operator who) throws Exception {
        String region = ConsoleView.region(request);
        RdsClient rds = clients.rds(who, region);
        return ConsoleView.page(request, who, "rds", "RDS · " + region, "rds", () -> Html.of(
                "<h2>Databases</h2>{}<h2>Aurora clusters</h2>{}<h2>Events</h2>{}",
                ConsoleView.guarded(() -> instances(rds)), ConsoleView.guarded(() -> clusters(rds)), events(rds)));
    }

    private Html instances(RdsClient rds) {
        List<Html> rows = new ArrayList<>();
        for (DBInstance db : rds.describeDBInstancesPaginator().dbInstances()) {
            String endpoint = db.endpoint() == null ? "—" : db.endpoint().address() + ":" + db.endpoint().port();
            rows.add(ConsoleView.row(Html.of("<code>{}</code>", db.dbInstanceIdentifier()), db.engine() + " " + db.engineVersion(),
                    db.dbInstanceClass(), ConsoleView.badge(db.dbInstanceStatus()), Html.of("<code>{}</code>", endpoint),
                    Boolean.TRUE.equals(db.multiAZ()) ? "Multi-AZ" : db.availabilityZone(),
                    db.dbClusterIdentifier() == null ? "" : db.dbClusterIdentifier()));
        }
        return ConsoleView.table("DB instances", List.of("DB identifier", "Engine", "Class", "Status", "Endpoint", "Placement", "Cluster"),
                rows, "No databases in this region.");
    }

    private Html clusters(RdsClient rds) {
        List<Html> rows = new ArrayList<>();
        for (DBCluster c : rds.describeDBClustersPaginator().dbClusters()) {
            rows.add(ConsoleView.row(Html.of("<code>{}</code>", c.dbClusterIdentifier()), c.engine() + " " + c.engineVersion(),
                    ConsoleView.badge(c.status()), Html.of("<code>{}</code>", c.endpoint() + ":" + c.port()),
                    Html.of("<code>{}</code>", c.readerEndpoint()),
                    String.join(", ", c.dbClusterMembers().stream().map(m -> m.dbInstanceIdentifier()
                            + (Boolean.TRUE.equals(m.isClusterWriter()) ? " (writer)" : " (reader)")).toList())));
        }
        return ConsoleView.table("Aurora clusters", List.of("Cluster", "Engine", "Status", "Writer endpoint", "Reader endpoint", "Members"),
                rows, "No Aurora clusters in this region.");
    }

    private Html events(RdsClient rds) {
        try {
            List<Html> rows = new ArrayList<>();
            rds.describeEvents(b -> b.duration(24 * 60)).events().forEach(e -> rows.add(ConsoleView.row(ConsoleView.time(e.date()),
                    e.sourceIdentifier(), e.sourceTypeAsString(), e.message())));
            return ConsoleView.table("Events", List.of("Time", "Source", "Type", "Message"), rows, "No events in the last 24 hours.");
        } catch (AwsServiceException refused) {
            if ("InvalidAction".equals(refused.awsErrorDetails().errorCode())) {
                return Html.raw("<p class=\"muted\">The sandbox's RDS does not keep events yet (DescribeEvents).</p>");
            }
            return ConsoleView.error(refused);
        }
    }
}
