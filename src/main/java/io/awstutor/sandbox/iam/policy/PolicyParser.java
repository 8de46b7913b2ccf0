package io.awstutor.sandbox.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy document: the JSON (streamed, to keep each statement's line and column), the
 * grammar ("IAM JSON policy element reference", "Grammar of the IAM JSON policy language"), then
 * the rules of the document's kind, then compiles it. Messages are the ones IAM returns, or for a
 * {@link PolicyKind#RESOURCE} document the more specific ones of S3's bucket policy validation.
 */
final class PolicyParser {
    static final String SYNTAX = "Syntax errors in policy.";
    static final String INVALID_JSON = "This policy contains invalid Json";

    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction",
            "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private PolicyParser() {}

    private record Raw(Map<String, JsonNode> top, List<JsonNode> statements, List<PolicyDocument.Position> positions) {}

    static AwsException malformed(String message) {
        return AwsException.badRequest(PolicyDocument.MALFORMED, message);
    }

    static PolicyDocument parse(String json, PolicyKind kind) {
        if (json == null || json.isBlank()) throw malformed(SYNTAX);
        Raw raw;
        try {
            raw = read(json);
        } catch (IOException | RuntimeException e) {
            // CreateRole and UpdateAssumeRolePolicy word a JSON error differently from the policy APIs
            throw malformed(kind == PolicyKind.TRUST && !(e instanceof AwsException) ? INVALID_JSON : SYNTAX);
        }
        for (String key : raw.top().keySet()) {
            if (!TOP_ELEMENTS.contains(key)) throw malformed(SYNTAX);
        }
        JsonNode versionNode = raw.top().get("Version");
        String version = PolicyDocument.VERSION_2008;
        if (versionNode != null) {
            if (!versionNode.isTextual()) throw malformed(SYNTAX);
            version = versionNode.textValue();
            if (!version.equals(PolicyDocument.VERSION_2012) && !version.equals(PolicyDocument.VERSION_2008)) {
                throw malformed(SYNTAX);
            }
        }
        JsonNode idNode = raw.top().get("Id");
        if (idNode != null && !idNode.isTextual()) throw malformed(SYNTAX);
        if (!raw.top().containsKey("Statement")) {
            throw malformed(kind == PolicyKind.RESOURCE ? "Missing required field Statement" : SYNTAX);
        }
        if (raw.statements().isEmpty()) throw malformed(SYNTAX);
        for (JsonNode s : raw.statements()) checkSyntax(s);
        if (kind == PolicyKind.MANAGED && !version.equals(PolicyDocument.VERSION_2012)) {
            throw malformed("Policy document must be version 2012-10-17 or greater.");
        }

        boolean variables = version.equals(PolicyDocument.VERSION_2012);
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < raw.statements().size(); i++) {
            Statement s = StatementReader.read(raw.statements().get(i), i, kind, variables);
            if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw malformed("Statement IDs (SID) in a single policy must be unique.");
            }
            statements.add(s);
        }
        return new PolicyDocument(json, version, idNode == null ? null : idNode.textValue(), kind, statements,
                raw.positions());
    }

    private static Raw read(String json) throws IOException {
        Map<String, JsonNode> top = new LinkedHashMap<>();
        List<JsonNode> statements = new ArrayList<>();
        List<PolicyDocument.Position> positions = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw malformed(SYNTAX);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("Statement") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        readStatement(p, statements, positions);
                    }
                    top.put(name, MAPPER.createArrayNode());
                } else if (name.equals("Statement")) {
                    readStatement(p, statements, positions);
                    top.put(name, MAPPER.createArrayNode());
                } else {
                    top.put(name, MAPPER.readTree(p));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) throw malformed(SYNTAX);
        }
        return new Raw(top, statements, positions);
    }

    private static void readStatement(JsonParser p, List<JsonNode> statements,
                                      List<PolicyDocument.Position> positions) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonNode node = MAPPER.readTree(p);
        JsonLocation end = p.currentLocation();
        if (node == null || !node.isObject()) throw malformed(SYNTAX);
        statements.add(node);
        positions.add(new PolicyDocument.Position(start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr()));
    }

    /** Types and element names, for the whole document before any other rule (IAM's order). */
    private static void checkSyntax(JsonNode s) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            if (!STATEMENT_ELEMENTS.contains(it.next())) throw malformed(SYNTAX);
        }
        if (both(s, "Action", "NotAction") || both(s, "Resource", "NotResource") || both(s, "Principal", "NotPrincipal")) {
            throw malformed(SYNTAX);
        }
        textual(s.get("Sid"));
        textual(s.get("Effect"));
        for (String f : List.of("Action", "NotAction", "Resource", "NotResource")) stringOrList(s.get(f));
        for (String f : List.of("Principal", "NotPrincipal")) {
            JsonNode pr = s.get(f);
            if (pr == null) continue;
            if (pr.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = pr.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!PRINCIPAL_TYPES.contains(e.getKey())) throw malformed(SYNTAX);
                    stringOrList(e.getValue());
                }
            } else if (!pr.isTextual()) {
                throw malformed(SYNTAX);
            }
        }
        JsonNode cond = s.get("Condition");
        if (cond != null) {
            if (!cond.isObject()) throw malformed(SYNTAX);
            for (JsonNode block : cond) {
                if (!block.isObject()) throw malformed(SYNTAX);
                for (JsonNode values : block) {
                    if (values.isArray()) {
                        for (JsonNode v : values) scalar(v);
                    } else {
                        scalar(values);
                    }
                }
            }
        }
    }

    private static boolean both(JsonNode s, String a, String b) {
        return s.has(a) && s.has(b);
    }

    private static void textual(JsonNode n) {
        if (n != null && !n.isTextual()) throw malformed(SYNTAX);
    }

    private static void stringOrList(JsonNode n) {
        if (n == null || n.isTextual()) return;
        if (!n.isArray()) throw malformed(SYNTAX);
        for (JsonNode e : n) {
            if (!e.isTextual()) throw malformed(SYNTAX);
        }
    }

    private static void scalar(JsonNode v) {
        if (!(v.isTextual() || v.isNumber() || v.isBoolean())) throw malformed(SYNTAX);
    }
}
