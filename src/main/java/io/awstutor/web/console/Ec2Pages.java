package io.awstutor.web.console;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.ec2.Ec2Handler;
import io.awstutor.sandbox.ec2.Reachability;
import io.awstutor.web.Html;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2: instances with their state and addresses; security groups with their inbound and
 * outbound rules in the chapter's table (Type, Protocol, Port range, Source or Destination);
 * and "can X reach Y on port P?", answered by the sandbox's reachability model with the rule
 * (or missing rule) that decides.
 */
final class Ec2Pages {
    private final ConsoleClients clients;
    private final Sandbox sandbox;

    Ec2Pages(ConsoleClients clients, Sandbox sandbox) {
        this.clients = clients;
        this.sandbox = sandbox;
    }

    WebResponse overview(WebRequest request, Operator who) throws Exception {
        String region = ConsoleView.region(request);
        Ec2Client ec2 = clients.ec2(who, region);
        return ConsoleView.page(request, who, "ec2", "EC2 · " + region, "ec2 rds", () -> Html.of(
                "<h2>Instances</h2>{}<h2>Security groups</h2>{}<h2 id=\"reach\">Can it reach?</h2>{}",
                ConsoleView.guarded(() -> instances(ec2)), ConsoleView.guarded(() -> groups(ec2)),
                reachability(request, who, ec2, region)));
    }

    private Html instances(Ec2Client ec2) {
        List<Html> rows = new ArrayList<>();
        for (Reservation reservation : ec2.describeInstancesPaginator().reservations()) {
            for (Instance i : reservation.instances()) {
                rows.add(ConsoleView.row(Html.of("<code>{}</code>", i.instanceId()), name(i.tags()), ConsoleView.badge(i.state().nameAsString()),
                        i.instanceTypeAsString(), i.privateIpAddress(), i.publicIpAddress() == null ? "—" : i.publicIpAddress(),
                        String.join(", ", i.securityGroups().stream().map(g -> g.groupId() + " (" + g.groupName() + ")").toList())));
            }
        }
        return ConsoleView.table("Instances", List.of("Instance", "Name", "State", "Type", "Private IP", "Public IP", "Security groups"),
                rows, "No instances in this region.");
    }

    private static String name(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals("Name")).map(Tag::value).findFirst().orElse("");
    }

    private Html groups(Ec2Client ec2) {
        List<Html> parts = new ArrayList<>();
        for (SecurityGroup g : ec2.describeSecurityGroupsPaginator().securityGroups()) {
            parts.add(Html.of("<section class=\"panel\"><h3>{} <code>{}</code></h3><p class=\"muted\">{} · VPC {}</p>"
                            + "<h4>Inbound rules</h4>{}<h4>Outbound rules</h4>{}</section>",
                    g.groupName(), g.groupId(), g.description(), g.vpcId(),
                    rules(g.ipPermissions(), "Source", "No inbound rules: nothing can connect in."),
                    rules(g.ipPermissionsEgress(), "Destination", "No outbound rules: nothing can leave.")));
        }
        return parts.isEmpty() ? Html.raw("<p class=\"muted\">No security groups in this region.</p>") : Html.join(parts);
    }

    private static Html rules(List<IpPermission> permissions, String peerHeader, String whenEmpty) {
        List<Html> rows = new ArrayList<>();
        for (IpPermission p : permissions) {
            List<String> peers = new ArrayList<>();
            p.ipRanges().forEach(r -> peers.add(r.cidrIp() + (r.description() == null ? "" : " — " + r.description())));
            p.ipv6Ranges().forEach(r -> peers.add(r.cidrIpv6()));
            p.userIdGroupPairs().forEach(pair -> peers.add(pair.groupId() + (pair.description() == null ? "" : " — " + pair.description())));
            p.prefixListIds().forEach(pl -> peers.add(pl.prefixListId()));
            for (String peer : peers.isEmpty() ? List.of("") : peers) {
                rows.add(ConsoleView.row(type(p), protocol(p.ipProtocol()), ports(p), peer));
            }
        }
        return ConsoleView.table(peerHeader.equals("Source") ? "Inbound rules" : "Outbound rules",
                List.of("Type", "Protocol", "Port range", peerHeader), rows, whenEmpty);
    }

    /** The AWS console's names for well-known rules. */
    private static String type(IpPermission p) {
        if (p.ipProtocol().equals("-1")) {
            return "All traffic";
        }
        Integer from = p.fromPort();
        if (from != null && from.equals(p.toPort()) && p.ipProtocol().equals("tcp")) {
            return switch (from) {
                case 22 -> "SSH";
                case 80 -> "HTTP";
                case 443 -> "HTTPS";
                case 3306 -> "MYSQL/Aurora";
                case 5432 -> "PostgreSQL";
                case 3389 -> "RDP";
                default -> "Custom TCP";
            };
        }
        return switch (p.ipProtocol()) {
            case "tcp" -> "Custom TCP";
            case "udp" -> "Custom UDP";
            case "icmp" -> "All ICMP - IPv4";
            default -> "Custom protocol";
        };
    }

    private static String protocol(String protocol) {
        return protocol.equals("-1") ? "All" : protocol.toUpperCase(java.util.Locale.ROOT);
    }

    private static String ports(IpPermission p) {
        if (p.ipProtocol().equals("-1") || p.fromPort() == null) {
            return "All";
        }
        return p.fromPort().equals(p.toPort()) ? String.valueOf(p.fromPort()) : p.fromPort() + " - " + p.toPort();
    }

    /**
     * The form and its answer. The caller must be allowed to read the security groups (asked
     * through the request path first, as AWS's Reachability Analyzer would); the answer comes
     * from the sandbox's own reachability model, which RDS's database fronts also ask.
     */
    private Html reachability(WebRequest request, Operator who, Ec2Client ec2, String region) {
        String from = request.param("from", "");
        String to = request.param("to", "");
        String port = request.param("port", "");
        Html form = Html.of("""
                <form method="get" action="{}#reach" class="panel"><input type="hidden" name="region" value="{}">
                <p class="muted">From an instance or DB instance id, or an outside IPv4 address (203.0.113.9), to an instance or DB instance.</p>
                <div class="row"><label>From <input name="from" value="{}" required placeholder="i-… or 203.0.113.9"></label>
                <label>To <input name="to" value="{}" required placeholder="i-… or a DB instance id"></label>
                <label>Port <input name="port" value="{}" required inputmode="numeric" size="6" placeholder="3306"></label>
                <button type="submit">Ask</button></div></form>""",
                Html.href(ConsoleView.PREFIX + "/ec2"), region, from, to, port);
        if (from.isBlank() || to.isBlank() || port.isBlank()) {
            return form;
        }
        if (!port.strip().matches("[0-9]{1,5}") || Integer.parseInt(port.strip()) > 65535) {
            return Html.join(form, ConsoleView.notice("error", "The port is a number from 0 to 65535."));
        }
        return Html.join(form, ConsoleView.guarded(() -> {
            ec2.describeSecurityGroups(b -> b.maxResults(5));
            Reachability model = sandbox.service(Ec2Handler.class).orElseThrow().backend().reachability(who.accountId(), region);
            String source = from.strip();
            Reachability.Verdict verdict = model.canReach(source.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                    ? Reachability.Source.address(source) : Reachability.Source.endpoint(source), to.strip(), Integer.parseInt(port.strip()));
            return Html.of("<div class=\"banner {}\" role=\"status\" id=\"verdict\"><strong>{}</strong> {}</div>",
                    verdict.reachable() ? "ok" : "error", verdict.reachable() ? "Yes." : "No.", verdict.explanation());
        }));
    }
}
