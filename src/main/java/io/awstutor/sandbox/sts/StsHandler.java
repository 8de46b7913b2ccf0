package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** STS over the AWS query protocol. */
public final class StsHandler extends QueryServiceHandler {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final Map<String, QueryAction> actions;

    public StsHandler() {
        super("sts", NAMESPACE, "2011-06-15", ResponseShape.WRAPPED_RESULT);
        this.actions = Map.of("GetCallerIdentity", this::getCallerIdentity);
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    /** Needs no permission: AWS answers it even when every action is denied. */
    private void getCallerIdentity(QueryParams params, ServiceCall call, XmlWriter result) {
        result.element("Arn", call.caller().arn())
                .element("UserId", call.caller().userId())
                .element("Account", call.caller().accountId());
    }
}
