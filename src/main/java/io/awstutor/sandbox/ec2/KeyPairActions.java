package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;
import static io.awstutor.sandbox.ec2.NetworkActions.tags;

/** CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair. */
final class KeyPairActions {
    private final Ec2Backend backend;

    KeyPairActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateKeyPair", this::create);
        actions.put("ImportKeyPair", this::importKey);
        actions.put("DescribeKeyPairs", this::describe);
        actions.put("DeleteKeyPair", this::delete);
    }

    private void create(QueryParams params, ServiceCall call, XmlWriter xml) {
        String name = params.get("KeyName");
        authorize(call, "CreateKeyPair", Ec2Action.arn(call, "key-pair/" + name));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        KeyPairs.Created created = backend.keyPairs().create(state, name, params.get("KeyType"), params.get("KeyFormat"),
                Ec2Requests.tagSpecifications(params, "key-pair"));
        KeyPair pair = created.keyPair();
        xml.element("keyPairId", pair.id()).element("keyName", pair.name()).element("keyFingerprint", pair.fingerprint())
                .element("keyMaterial", created.privateKeyPem());
        Map<String, String> tags = tags(state, pair.id());
        if (!tags.isEmpty()) {
            Ec2Xml.tagSet(xml, tags);
        }
    }

    private void importKey(QueryParams params, ServiceCall call, XmlWriter xml) {
        String name = params.get("KeyName");
        authorize(call, "ImportKeyPair", Ec2Action.arn(call, "key-pair/" + name));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        KeyPair pair = backend.keyPairs().importKey(state, name, Ec2Requests.blob(params, "PublicKeyMaterial"),
                Ec2Requests.tagSpecifications(params, "key-pair"));
        xml.element("keyFingerprint", pair.fingerprint()).element("keyName", pair.name()).element("keyPairId", pair.id());
        Map<String, String> tags = tags(state, pair.id());
        if (!tags.isEmpty()) {
            Ec2Xml.tagSet(xml, tags);
        }
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeKeyPairs", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        boolean includePublic = params.bool("IncludePublicKey").orElse(false);
        xml.start("keySet");
        for (KeyPair pair : backend.keyPairs().describe(state, params.list("KeyName"), params.list("KeyPairId"), Ec2Requests.filters(params))) {
            xml.start("item").element("keyPairId", pair.id()).element("keyType", pair.type());
            Ec2Xml.tagSet(xml, tags(state, pair.id()));
            if (includePublic) {
                xml.element("publicKey", pair.publicKey());
            }
            xml.element("createTime", pair.createTime()).element("keyName", pair.name())
                    .element("keyFingerprint", pair.fingerprint()).end();
        }
        xml.end();
    }

    private void delete(QueryParams params, ServiceCall call, XmlWriter xml) {
        String name = params.get("KeyName");
        authorize(call, "DeleteKeyPair", Ec2Action.arn(call, "key-pair/" + (name == null ? "*" : name)));
        dryRun(params);
        String id = backend.keyPairs().delete(backend.region(call.accountId(), call.region()), name, params.get("KeyPairId"));
        xml.element("return", true).element("keyPairId", id);
    }
}
