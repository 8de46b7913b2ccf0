package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;

/**
 * DescribeAccountAttributes: what an account may do in the region, as a new AWS account
 * answers (VPC only, its default VPC, AWS's default limits). Terraform's provider and boto3
 * ask it before they choose how to launch.
 */
final class AccountAttributeActions {
    private final Ec2Backend backend;

    AccountAttributeActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeAccountAttributes", this::describe);
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeAccountAttributes", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("vpc-max-security-groups-per-interface", List.of("5"));
        attributes.put("max-instances", List.of("20"));
        attributes.put("supported-platforms", List.of("VPC"));
        synchronized (state) {
            attributes.put("default-vpc", List.of(state.defaultVpcId != null && state.vpcs.containsKey(state.defaultVpcId)
                    ? state.defaultVpcId : "none"));
        }
        attributes.put("max-elastic-ips", List.of("5"));
        attributes.put("vpc-max-elastic-ips", List.of("5"));
        List<String> wanted = params.list("AttributeName");
        for (String name : wanted) {
            if (!attributes.containsKey(name)) {
                throw Ec2Errors.invalidParameterValue("Value (" + name + ") for parameter attributeName is invalid. Unknown attribute.");
            }
        }
        xml.start("accountAttributeSet");
        attributes.forEach((name, values) -> {
            if (wanted.isEmpty() || wanted.contains(name)) {
                xml.start("item").element("attributeName", name).start("attributeValueSet");
                values.forEach(v -> xml.start("item").element("attributeValue", v).end());
                xml.end().end();
            }
        });
        xml.end();
    }
}
