package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed documents and the messages AWS gives for them; and documents that must parse. IAM's
 * messages are terse ("Syntax errors in policy." for a missing Effect); S3's bucket policy
 * validation (PolicyKind.RESOURCE) names the problem ("Missing required field Effect").
 */
class PolicyDocumentParseTest {

    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Stream<Arguments> malformed() {
        String ok = "'Effect':'Allow','Action':'s3:*','Resource':'*'";
        return Stream.of(
                arguments("not JSON", "{'Version':'2012-10-17','Statement':[", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("empty", "", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("a JSON array", "[]", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("trailing garbage", "{'Statement':{" + ok + "}} x", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("duplicate key", "{'Statement':{" + ok + ",'Effect':'Deny'}}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("unknown top-level element", "{'Version':'2012-10-17','Statements':[{" + ok + "}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("unknown version", "{'Version':'2012-10-18','Statement':[{" + ok + "}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("misspelt statement element", "{'Statement':[{" + ok + ",'Conditions':{}}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("Action and NotAction", "{'Statement':[{" + ok + ",'NotAction':'iam:*'}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("numeric action", "{'Statement':[{'Effect':'Allow','Action':5,'Resource':'*'}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("empty statement list", "{'Version':'2012-10-17','Statement':[]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("no Statement", "{'Version':'2012-10-17'}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("bucket policy without Statement", "{'Version':'2012-10-17'}", PolicyKind.RESOURCE, "Missing required field Statement"),
                arguments("no Effect", "{'Statement':[{'Action':'s3:*','Resource':'*'}]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                arguments("bucket policy without Effect", "{'Statement':[{'Principal':'*','Action':'s3:*','Resource':'*'}]}", PolicyKind.RESOURCE,
                        "Missing required field Effect"),
                arguments("lower-case effect", "{'Statement':[{'Effect':'allow','Action':'s3:*','Resource':'*'}]}", PolicyKind.IDENTITY,
                        "The policy failed legacy parsing"),
                arguments("unknown effect", "{'Statement':[{'Effect':'Permit','Action':'s3:*','Resource':'*'}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                arguments("bucket policy with an unknown effect", "{'Statement':[{'Effect':'hello','Principal':'*','Action':'s3:*','Resource':'*'}]}",
                        PolicyKind.RESOURCE, "Invalid effect: hello"),
                arguments("no Action", "{'Statement':[{'Effect':'Allow','Resource':'*'}]}", PolicyKind.IDENTITY, "Policy statement must contain actions."),
                arguments("empty Action list", "{'Statement':[{'Effect':'Allow','Action':[],'Resource':'*'}]}", PolicyKind.IDENTITY, "Policy statement must contain actions."),
                arguments("no Resource", "{'Statement':[{'Effect':'Allow','Action':'s3:*'}]}", PolicyKind.IDENTITY, "Policy statement must contain resources."),
                arguments("action without vendor", "{'Statement':[{'Effect':'Allow','Action':'GetObject','Resource':'*'}]}", PolicyKind.IDENTITY,
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                arguments("action with two colons", "{'Statement':[{'Effect':'Allow','Action':'s3:Get:Object','Resource':'*'}]}", PolicyKind.IDENTITY,
                        "Actions/Condition can contain only one colon."),
                arguments("bad vendor", "{'Statement':[{'Effect':'Allow','Action':'s3 x:Get','Resource':'*'}]}", PolicyKind.IDENTITY, "Vendor s3 x is not valid"),
                arguments("resource not an ARN", "{'Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'mybucket'}]}", PolicyKind.IDENTITY,
                        "Resource mybucket must be in ARN format or \"*\"."),
                arguments("identity policy with a Principal", "{'Statement':[{" + ok + ",'Principal':'*'}]}", PolicyKind.IDENTITY,
                        "Policy document should not specify a principal."),
                arguments("duplicate Sid", "{'Statement':[{'Sid':'A'," + ok + "},{'Sid':'A'," + ok + "}]}", PolicyKind.IDENTITY,
                        "Statement IDs (SID) in a single policy must be unique."),
                arguments("Sid with a space", "{'Statement':[{'Sid':'Read all'," + ok + "}]}", PolicyKind.IDENTITY,
                        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"),
                arguments("unknown condition operator", "{'Statement':[{" + ok + ",'Condition':{'StringEqualz':{'aws:username':'a'}}}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                arguments("bucket policy with an unknown condition operator", "{'Statement':[{" + ok + ",'Principal':'*','Condition':{'StringEqualz':{'aws:username':'a'}}}]}",
                        PolicyKind.RESOURCE, "Invalid Condition type : StringEqualz"),
                arguments("a date that is no date", "{'Statement':[{" + ok + ",'Condition':{'DateGreaterThan':{'aws:CurrentTime':'soon'}}}]}", PolicyKind.IDENTITY,
                        "The policy failed legacy parsing"),
                arguments("Null has no IfExists form", "{'Statement':[{" + ok + ",'Condition':{'NullIfExists':{'aws:username':'true'}}}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                arguments("condition key without vendor", "{'Statement':[{" + ok + ",'Condition':{'StringEquals':{'username':'a'}}}]}", PolicyKind.IDENTITY,
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                arguments("condition value an object", "{'Statement':[{" + ok + ",'Condition':{'StringEquals':{'aws:username':{'a':1}}}}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                arguments("managed policy without Version", "{'Statement':[{" + ok + "}]}", PolicyKind.MANAGED,
                        "Policy document must be version 2012-10-17 or greater."),
                arguments("managed policy of 2008-10-17", "{'Version':'2008-10-17','Statement':[{" + ok + "}]}", PolicyKind.MANAGED,
                        "Policy document must be version 2012-10-17 or greater."),
                arguments("managed policy: syntax before version", "{'Statement':[{" + ok + ",'Foo':1}]}", PolicyKind.MANAGED,
                        "Syntax errors in policy."),
                arguments("managed policy with a Principal", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Principal':'*'}]}", PolicyKind.MANAGED,
                        "Policy document should not specify a principal."),
                arguments("trust policy with a Resource", "{'Statement':[{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'sts:AssumeRole','Resource':'*'}]}",
                        PolicyKind.TRUST, "Has prohibited field Resource"),
                arguments("trust policy without Principal", "{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole'}]}", PolicyKind.TRUST,
                        "Missing required field Principal"),
                arguments("trust policy with a non-sts action", "{'Statement':[{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'s3:GetObject'}]}",
                        PolicyKind.TRUST, "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity"),
                arguments("bucket policy without Principal", "{'Statement':[{" + ok + "}]}", PolicyKind.RESOURCE, "Missing required field Principal"),
                arguments("bucket policy with an invalid principal", "{'Statement':[{" + ok + ",'Principal':{'AWS':'alice'}}]}", PolicyKind.RESOURCE,
                        "Invalid principal in policy"),
                arguments("trust policy with an invalid principal", "{'Statement':[{'Effect':'Allow','Principal':{'AWS':'alice'},'Action':'sts:AssumeRole'}]}",
                        PolicyKind.TRUST, "Invalid principal in policy: \"AWS\":\"alice\""),
                arguments("bucket policy with an invalid resource", "{'Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'b/k'}]}",
                        PolicyKind.RESOURCE, "Policy has invalid resource"),
                arguments("bucket policy with an invalid action", "{'Statement':[{'Effect':'Allow','Principal':'*','Action':'GetObject','Resource':'arn:aws:s3:::b/*'}]}",
                        PolicyKind.RESOURCE, "Policy has invalid action"),
                arguments("unknown principal type", "{'Statement':[{" + ok + ",'Principal':{'Users':'alice'}}]}", PolicyKind.RESOURCE,
                        "Syntax errors in policy.")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejects(String name, String json, PolicyKind kind, String message) {
        AwsException e = assertThrows(AwsException.class, () -> PolicyDocument.parse(q(json), kind));
        assertEquals("MalformedPolicyDocument", e.code());
        assertEquals(400, e.status());
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("statement as an object, no Version", "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}", PolicyKind.IDENTITY),
                arguments("2008-10-17", "{'Version':'2008-10-17','Id':'x','Statement':[{'Effect':'Deny','NotAction':['s3:*'],'NotResource':'arn:aws:s3:::b/*'}]}", PolicyKind.IDENTITY),
                arguments("all condition operator forms", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*','Condition':{"
                        + "'ForAnyValue:StringLikeIfExists':{'aws:TagKeys':['a*']},'ForAllValues:StringEquals':{'aws:TagKeys':'b'},"
                        + "'NumericLessThanEquals':{'s3:max-keys':10},'Bool':{'aws:SecureTransport':true},'DateGreaterThan':{'aws:CurrentTime':'2020-01-01'},"
                        + "'IpAddress':{'aws:SourceIp':['10.0.0.0/8','::1']},'Null':{'aws:TokenIssueTime':'true'},'ArnNotLikeIfExists':{'aws:SourceArn':'arn:aws:sns:*:*:t'}}}]}",
                        PolicyKind.IDENTITY),
                arguments("managed policy", "{'Version':'2012-10-17','Statement':[{'Sid':'S3','Effect':'Allow','Action':'s3:*','Resource':'*'}]}", PolicyKind.MANAGED),
                arguments("inline policy without Version", "{'Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'}]}", PolicyKind.IDENTITY),
                arguments("trust policy of 2008-10-17", "{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole'}]}", PolicyKind.TRUST),
                arguments("trust policy", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com','AWS':['arn:aws:iam::000000000000:root','111111111111']},'Action':['sts:AssumeRole','sts:TagSession']}]}",
                        PolicyKind.TRUST),
                arguments("bucket policy", "{'Version':'2012-10-17','Statement':[{'Sid':'Public Read','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}",
                        PolicyKind.RESOURCE),
                arguments("any kind accepts both Principal and Resource", "{'Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}", PolicyKind.ANY)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String name, String json, PolicyKind kind) {
        PolicyDocument d = PolicyDocument.parse(q(json), kind);
        assertEquals(kind, d.kind());
        assertEquals(q(json), d.json());
    }

    @Test
    void versionDefaultsTo2008AndSidsAreKept() {
        PolicyDocument d = PolicyDocument.parse(q("{'Statement':[{'Sid':'A','Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'iam:*','Resource':'*'}]}"));
        assertEquals("2008-10-17", d.version());
        assertEquals(2, d.statementCount());
        assertEquals(Arrays.asList("A", null), d.sids());
    }

    @Test
    void quotaSizeIgnoresWhitespace() {
        String compact = "{\"Statement\":{\"Sid\":\"AB\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        String pretty = "{\n  \"Statement\": {\n    \"Sid\": \"AB\",\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:*\",\n    \"Resource\": \"*\"\n  }\n}";
        assertEquals(compact.length(), PolicyDocument.sizeForQuota(pretty));
        assertEquals(compact.length(), PolicyDocument.parse(pretty).sizeForQuota());
        assertEquals(4, PolicyDocument.sizeForQuota(" \"a b\"\n"));
    }

    @Test
    void statementPositionsForTheSimulator() {
        String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},\n"
                + "    {\"Effect\": \"Deny\", \"Action\": \"iam:*\", \"Resource\": \"*\"}\n  ]\n}";
        PolicyDocument d = PolicyDocument.parse(json, PolicyKind.IDENTITY);
        assertEquals(new PolicyDocument.Position(4, 5, 4, 59), d.position(0));
        assertEquals(4 + 1, d.position(1).startLine());
        assertEquals(List.of(5, 5), List.of(d.position(1).startLine(), d.position(1).startColumn()));
    }
}
