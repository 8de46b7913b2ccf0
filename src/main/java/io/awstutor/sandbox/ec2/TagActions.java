package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;

/** CreateTags, DeleteTags, DescribeTags. */
final class TagActions {
    private final Ec2Backend backend;

    TagActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateTags", this::create);
        actions.put("DeleteTags", this::delete);
        actions.put("DescribeTags", this::describe);
    }

    private void create(QueryParams params, ServiceCall call, XmlWriter xml) {
        List<String> ids = params.list("ResourceId");
        for (String id : ids) {
            authorize(call, "CreateTags", Ec2Action.arn(call, Ec2Tags.resourceType(id) + "/" + id));
        }
        dryRun(params);
        backend.tagging().create(backend.region(call.accountId(), call.region()), ids, Ec2Requests.tags(params, true));
        xml.element("return", true);
    }

    private void delete(QueryParams params, ServiceCall call, XmlWriter xml) {
        List<String> ids = params.list("ResourceId");
        if (ids.isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        for (String id : ids) {
            authorize(call, "DeleteTags", Ec2Action.arn(call, Ec2Tags.resourceType(id) + "/" + id));
        }
        dryRun(params);
        backend.tagging().delete(backend.region(call.accountId(), call.region()), ids, Ec2Requests.tags(params, false));
        xml.element("return", true);
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeTags", "*");
        dryRun(params);
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 1000);
        List<Tagging.TagDescription> tags = backend.tagging().describe(backend.region(call.accountId(), call.region()),
                Ec2Requests.filters(params));
        KeyedPages.Page<Tagging.TagDescription> page = Ec2Requests.page(params, tags, t -> t.resourceId() + "\u0000" + t.key(), max);
        xml.start("tagSet");
        for (Tagging.TagDescription tag : page.items()) {
            xml.start("item").element("resourceId", tag.resourceId()).element("resourceType", tag.resourceType())
                    .element("key", tag.key()).element("value", tag.value()).end();
        }
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }
}
