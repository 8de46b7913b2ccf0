package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.QueryServiceHandler;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * EC2's protocol adapter: the query protocol with EC2's flat response shape. Each concept's
 * actions live in their own class; this one wires them and persists after every change.
 */
public final class Ec2Handler extends QueryServiceHandler implements AutoCloseable {
    private static final AwsOperations AWS_OPERATIONS = AwsOperations.load(Ec2Handler.class, "aws-operations.txt");
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final Ec2Backend backend;
    private final Map<String, QueryAction> actions = new HashMap<>();

    public Ec2Handler(Ec2Backend backend) {
        super("ec2", NAMESPACE, "2016-11-15", ResponseShape.EC2_FLAT);
        this.backend = backend;
        new NetworkActions(backend).register(actions);
        new SecurityGroupActions(backend).register(actions);
        new InstanceActions(backend).register(actions);
        new CatalogActions(backend).register(actions);
        new KeyPairActions(backend).register(actions);
        new TagActions(backend).register(actions);
        new RoutingActions(backend).register(actions);
        new AccountAttributeActions(backend).register(actions);
        new NetworkInterfaceActions(backend).register(actions);
        new VolumeActions(backend).register(actions);
        new InstanceAttributeActions(backend).register(actions);
        new VpcComponentActions(backend).register(actions);
        new SpotPriceHistory(backend).register(actions);
        actions.replaceAll((name, action) -> name.startsWith("Describe") ? action
                : (params, call, xml) -> backend.change(() -> action.run(params, call, xml)));
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    @Override
    protected AwsOperations awsOperations() {
        return AWS_OPERATIONS;
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        backend.region(call.accountId(), call.region());
        try {
            return super.handle(call);
        } catch (AwsException e) {
            if (e.code().equals("ValidationError")) {
                // the shared query decoder's word for a malformed value; EC2 says InvalidParameterValue
                throw Ec2Errors.invalidParameterValue(e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        backend.close();
    }

    public Ec2Backend backend() {
        return backend;
    }
}
