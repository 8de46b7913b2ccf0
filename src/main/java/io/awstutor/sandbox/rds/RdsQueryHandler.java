package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.QueryServiceHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * RDS over the AWS query protocol (API version 2014-10-31). The actions live in small
 * adapters by concept; each decodes, authorizes {@code rds:Action} on the resource ARN,
 * calls the backend and writes the result.
 */
public final class RdsQueryHandler extends QueryServiceHandler {
    private static final AwsOperations AWS_OPERATIONS = AwsOperations.load(RdsQueryHandler.class, "aws-operations.txt");
    public static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

    private final Map<String, QueryAction> actions;

    public RdsQueryHandler(RdsBackend backend) {
        super("rds", NAMESPACE, "2014-10-31", ResponseShape.WRAPPED_RESULT);
        Map<String, QueryAction> all = new HashMap<>();
        new InstanceActions(backend).register(all);
        new ClusterActions(backend).register(all);
        new SnapshotActions(backend).register(all);
        new CatalogActions(backend).register(all);
        new TagActions(backend).register(all);
        new SubnetGroupActions(backend).register(all);
        new EventActions(backend).register(all);
        this.actions = Map.copyOf(all);
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    @Override
    protected AwsOperations awsOperations() {
        return AWS_OPERATIONS;
    }
}
