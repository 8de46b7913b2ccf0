package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** AddTagsToResource, ListTagsForResource, RemoveTagsFromResource, addressed by ARN. */
final class TagActions {
    private final RdsBackend backend;

    TagActions(RdsBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("AddTagsToResource", this::add);
        actions.put("ListTagsForResource", this::list);
        actions.put("RemoveTagsFromResource", this::remove);
    }

    private void add(QueryParams p, ServiceCall call, XmlWriter result) {
        String arn = p.required("ResourceName");
        call.authorize("rds:AddTagsToResource", arn, "AccessDenied");
        backend.addTags(call.accountId(), call.region(), arn, RdsParams.tags(p));
    }

    private void list(QueryParams p, ServiceCall call, XmlWriter result) {
        String arn = p.required("ResourceName");
        call.authorize("rds:ListTagsForResource", arn, "AccessDenied");
        RdsXml.tags(result, "TagList", backend.listTags(call.accountId(), call.region(), arn));
    }

    private void remove(QueryParams p, ServiceCall call, XmlWriter result) {
        String arn = p.required("ResourceName");
        call.authorize("rds:RemoveTagsFromResource", arn, "AccessDenied");
        backend.removeTags(call.accountId(), call.region(), arn, p.list("TagKeys"));
    }
}
