package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.QueryServiceHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * IAM's protocol adapter (query protocol, version 2010-05-08). IAM is global: the region of
 * the request is ignored and the state is the caller's account's. Each concept's actions
 * live in their own class; this one only collects them.
 */
public final class IamHandler extends QueryServiceHandler {
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String API_VERSION = "2010-05-08";

    private static final AwsOperations AWS_OPERATIONS = AwsOperations.load(IamHandler.class, "aws-operations.txt");

    private final Map<String, QueryAction> actions;

    public IamHandler(IamBackend backend) {
        super("iam", NAMESPACE, API_VERSION, ResponseShape.WRAPPED_RESULT);
        Map<String, QueryAction> all = new HashMap<>();
        new UserActions(backend).register(all);
        new AccessKeyActions(backend).register(all);
        new GroupActions(backend).register(all);
        new RoleActions(backend).register(all);
        new PolicyActions(backend).register(all);
        new IdentityPolicyActions(backend).register(all);
        new ProfileActions(backend).register(all);
        new SimulationActions(backend).register(all);
        new AccountActions(backend).register(all);
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
