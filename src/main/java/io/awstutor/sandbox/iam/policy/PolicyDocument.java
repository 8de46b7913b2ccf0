package io.awstutor.sandbox.iam.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed, validated and compiled IAM policy document. Parse once when the policy is stored;
 * evaluation then never touches JSON. Immutable and safe to share between threads.
 *
 * <p>A document that breaks the grammar or the rules of its {@link PolicyKind} throws
 * {@link io.awstutor.sandbox.protocol.AwsException} with code {@value #MALFORMED} (HTTP 400) and
 * AWS's message ("Syntax errors in policy.", "Policy statement must contain resources.", ...).
 * S3's PutBucketPolicy reports the same messages under its own code, MalformedPolicy.
 */
public final class PolicyDocument {
    public static final String MALFORMED = "MalformedPolicyDocument";
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    private final String json;
    private final String version;
    private final String id;
    private final PolicyKind kind;
    private final List<Statement> statements;
    private final List<Position> positions;

    PolicyDocument(String json, String version, String id, PolicyKind kind, List<Statement> statements,
                   List<Position> positions) {
        this.json = json;
        this.version = version;
        this.id = id;
        this.kind = kind;
        this.statements = List.copyOf(statements);
        this.positions = List.copyOf(positions);
    }

    /** Parses with the grammar's rules only (no Principal/Resource requirements). */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.ANY);
    }

    public static PolicyDocument parse(String json, PolicyKind kind) {
        return PolicyParser.parse(json, kind);
    }

    /** The document as it was given (IAM returns it verbatim, URL-encoded, in Get* calls). */
    public String json() { return json; }

    /**
     * The size IAM's policy quotas count (PolicySize 6144 for a managed policy, 2048 for a user's
     * inline policies, ...): "IAM doesn't count white space" ("IAM and AWS STS quotas").
     */
    public int sizeForQuota() {
        return sizeForQuota(json);
    }

    public static int sizeForQuota(String json) {
        int n = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) n++;
        }
        return n;
    }

    /** "2012-10-17" or "2008-10-17"; a document without Version is 2008-10-17 (no policy variables). */
    public String version() { return version; }

    public Optional<String> id() { return Optional.ofNullable(id); }

    public PolicyKind kind() { return kind; }

    public int statementCount() { return statements.size(); }

    /** Sids in statement order (null for a statement without one). */
    public List<String> sids() {
        List<String> out = new ArrayList<>(statements.size());
        for (Statement s : statements) out.add(s.sid());
        return out;
    }

    /**
     * The condition keys the document tests, as written, in order of appearance: what the IAM
     * simulator reports as MissingContextValues when a simulation does not supply them.
     */
    public Set<String> conditionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Statement s : statements) {
            for (Condition c : s.conditions()) keys.add(c.key());
        }
        return keys;
    }

    /** The ARNs the document's Principal and NotPrincipal elements name, in order of appearance. */
    public Set<String> principalArns() {
        Set<String> arns = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.principal() != null) arns.addAll(s.principal().arns());
        }
        return arns;
    }

    /** Where statement {@code index} sits in {@link #json()}: the simulator's StartPosition/EndPosition. */
    public Position position(int index) { return positions.get(index); }

    List<Statement> statements() { return statements; }

    /** One-based line and column, as the IAM simulator reports them. */
    public record Position(int startLine, int startColumn, int endLine, int endColumn) {}

    @Override
    public String toString() {
        return "PolicyDocument[" + kind + ", " + statements.size() + " statements]";
    }
}
