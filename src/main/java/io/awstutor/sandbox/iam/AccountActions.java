package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** CreateAccountAlias, DeleteAccountAlias, ListAccountAliases, GetAccountSummary. */
final class AccountActions {
    private final IamBackend backend;

    AccountActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateAccountAlias", this::createAlias);
        actions.put("DeleteAccountAlias", this::deleteAlias);
        actions.put("ListAccountAliases", this::listAliases);
        actions.put("GetAccountSummary", this::summary);
    }

    private void createAlias(QueryParams p, ServiceCall call, XmlWriter out) {
        String alias = p.required("AccountAlias");
        call.authorize("iam:CreateAccountAlias", "*", "AccessDenied");
        backend.accountSettings().createAlias(call.accountId(), alias);
    }

    private void deleteAlias(QueryParams p, ServiceCall call, XmlWriter out) {
        String alias = p.required("AccountAlias");
        call.authorize("iam:DeleteAccountAlias", "*", "AccessDenied");
        backend.accountSettings().deleteAlias(call.accountId(), alias);
    }

    private void listAliases(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:ListAccountAliases", "*", "AccessDenied");
        Page<String> page = Page.of(backend.accountSettings().aliases(call.accountId()), s -> s, p.optional("Marker"), p.integer("MaxItems"));
        out.start("AccountAliases");
        page.items().forEach(a -> out.element("member", a));
        out.end();
        IamXml.paging(out, page);
    }

    private void summary(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:GetAccountSummary", "*", "AccessDenied");
        out.start("SummaryMap");
        backend.accountSettings().summary(call.accountId()).forEach((key, value) ->
                out.start("entry").element("key", key).element("value", value).end());
        out.end();
    }
}
