package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SimulateCustomPolicy over HTTP through the SDK for Java: a table of policies, requests and the
 * decisions AWS documents for them. Statements are written with single quotes; contexts as
 * {@code key=v1,v2;key2=v}. "-" means none.
 */
class IamSimulatorTableTest {
    private static final String OBJ = "arn:aws:s3:::b/k";
    private static final String INSTANCE = "arn:aws:ec2:us-east-1:000000000000:instance/i-1";
    private static final String ALICE = "arn:aws:iam::000000000000:user/alice";
    private static TestSandbox box;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        iam = box.iam();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static Arguments row(String statements, String action, String resource, String context, String caller, String expected) {
        return Arguments.of(statements, action, resource, context, caller, expected);
    }

    static Stream<Arguments> table() {
        String allowAll = "{'Effect':'Allow','Action':'*','Resource':'*'}";
        String cond = "{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':%s}";
        return Stream.of(
                // actions and wildcards
                row("{'Effect':'Allow','Action':'s3:*','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'*'}", "ec2:RunInstances", INSTANCE, "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}", "s3:PutObject", OBJ, "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'S3:getobject','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:GetObjec?','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:GetObjec?','Resource':'*'}", "s3:GetObjectAcl", OBJ, "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':'*'}", "s3:PutObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'*','Resource':'*'}", "iam:CreateUser", ALICE, "-", "-", "allowed"),
                // explicit deny wins
                row(allowAll + ",{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}", "s3:DeleteObject", OBJ, "-", "-", "explicitDeny"),
                row(allowAll + ",{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Deny','Action':'*','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "explicitDeny"),
                // NotAction
                row("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}", "iam:CreateUser", ALICE, "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row(allowAll + ",{'Effect':'Deny','NotAction':['s3:Get*','s3:List*'],'Resource':'*'}", "s3:PutObject", OBJ, "-", "-", "explicitDeny"),
                row(allowAll + ",{'Effect':'Deny','NotAction':['s3:Get*','s3:List*'],'Resource':'*'}", "s3:ListBucket", "arn:aws:s3:::b", "-", "-", "allowed"),
                // Resource and NotResource
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}", "s3:GetObject", "arn:aws:s3:::c/k", "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b'}", "s3:GetObject", OBJ, "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}", "s3:GetObject", OBJ, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}", "s3:GetObject", "arn:aws:s3:::secret/x", "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/file?.txt'}", "s3:GetObject", "arn:aws:s3:::b/file1.txt", "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/file?.txt'}", "s3:GetObject", "arn:aws:s3:::b/file10.txt", "-", "-", "implicitDeny"),
                row("{'Effect':'Allow','Action':'ec2:*','Resource':'arn:aws:ec2:*:*:instance/*'}", "ec2:StopInstances", INSTANCE, "-", "-", "allowed"),
                row("{'Effect':'Allow','Action':'ec2:*','Resource':'arn:aws:ec2:us-west-2:*:instance/*'}", "ec2:StopInstances", INSTANCE, "-", "-", "implicitDeny"),
                // conditions
                row(String.format(cond, "{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}"), "s3:GetObject", OBJ, "aws:RequestedRegion=us-east-1", "-", "allowed"),
                row(String.format(cond, "{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}"), "s3:GetObject", OBJ, "aws:RequestedRegion=eu-west-1", "-", "implicitDeny"),
                row(String.format(cond, "{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}"), "s3:GetObject", OBJ, "-", "-", "implicitDeny"),
                row(String.format(cond, "{'StringEqualsIfExists':{'aws:RequestedRegion':'us-east-1'}}"), "s3:GetObject", OBJ, "-", "-", "allowed"),
                row(String.format(cond, "{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}"), "s3:GetObject", OBJ, "aws:RequestedRegion=eu-west-1", "-", "allowed"),
                row(String.format(cond, "{'StringLike':{'s3:prefix':'home/*'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=home/alice/", "-", "allowed"),
                row(String.format(cond, "{'StringLike':{'s3:prefix':'home/*'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=public/", "-", "implicitDeny"),
                row(String.format(cond, "{'StringNotLike':{'s3:prefix':'private/*'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=public/", "-", "allowed"),
                row(allowAll + ",{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}", "s3:GetObject", OBJ, "aws:SecureTransport=false", "-", "explicitDeny"),
                row(allowAll + ",{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}", "s3:GetObject", OBJ, "aws:SecureTransport=true", "-", "allowed"),
                row(String.format(cond, "{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"), "s3:GetObject", OBJ, "aws:SourceIp=10.1.2.3", "-", "allowed"),
                row(String.format(cond, "{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"), "s3:GetObject", OBJ, "aws:SourceIp=192.168.1.1", "-", "implicitDeny"),
                row(allowAll + ",{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}", "s3:GetObject", OBJ, "aws:SourceIp=192.168.1.1", "-", "explicitDeny"),
                row(String.format(cond, "{'NumericLessThan':{'s3:max-keys':'10'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:max-keys=5", "-", "allowed"),
                row(String.format(cond, "{'NumericLessThan':{'s3:max-keys':'10'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:max-keys=20", "-", "implicitDeny"),
                row(String.format(cond, "{'NumericGreaterThan':{'s3:max-keys':'10'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:max-keys=20", "-", "allowed"),
                row(String.format(cond, "{'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}"), "s3:GetObject", OBJ, "-", "-", "allowed"),
                row(String.format(cond, "{'DateLessThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}"), "s3:GetObject", OBJ, "-", "-", "implicitDeny"),
                row(String.format(cond, "{'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:000000000000:alerts-*'}}"), "s3:PutObject", OBJ, "aws:SourceArn=arn:aws:sns:us-east-1:000000000000:alerts-prod", "-", "allowed"),
                row(String.format(cond, "{'ArnEquals':{'aws:SourceArn':'arn:aws:sns:us-east-1:000000000000:alerts'}}"), "s3:PutObject", OBJ, "aws:SourceArn=arn:aws:sns:us-east-1:000000000000:other", "-", "implicitDeny"),
                row(String.format(cond, "{'ForAnyValue:StringEquals':{'aws:TagKeys':['team','cost']}}"), "s3:PutObject", OBJ, "aws:TagKeys=cost,owner", "-", "allowed"),
                row(String.format(cond, "{'ForAllValues:StringEquals':{'aws:TagKeys':['team','cost']}}"), "s3:PutObject", OBJ, "aws:TagKeys=team,owner", "-", "implicitDeny"),
                row(String.format(cond, "{'ForAllValues:StringEquals':{'aws:TagKeys':['team','cost']}}"), "s3:PutObject", OBJ, "aws:TagKeys=team", "-", "allowed"),
                // policy variables, with the simulated caller
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/home/${aws:username}/*'}", "s3:GetObject", "arn:aws:s3:::b/home/alice/notes", "-", ALICE, "allowed"),
                row("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/home/${aws:username}/*'}", "s3:GetObject", "arn:aws:s3:::b/home/bob/notes", "-", ALICE, "implicitDeny"),
                row(String.format(cond, "{'StringLike':{'s3:prefix':'home/${aws:username}/*'}}"), "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=home/alice/docs", ALICE, "allowed"),
                row(String.format(cond, "{'StringEquals':{'aws:PrincipalArn':'" + ALICE + "'}}"), "s3:GetObject", OBJ, "-", ALICE, "allowed"));
    }

    @ParameterizedTest(name = "[{index}] {1} on {2} with {3} -> {5}")
    @MethodSource("table")
    void decidesAsAwsDocuments(String statements, String action, String resource, String context, String caller, String expected) {
        String policy = ("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"');
        SimulateCustomPolicyRequest.Builder request = SimulateCustomPolicyRequest.builder()
                .policyInputList(policy).actionNames(action).resourceArns(resource);
        if (!context.equals("-")) {
            List<ContextEntry> entries = new ArrayList<>();
            for (String pair : context.split(";")) {
                String[] kv = pair.split("=", 2);
                List<String> values = Arrays.asList(kv[1].split(","));
                entries.add(ContextEntry.builder().contextKeyName(kv[0]).contextKeyValues(values)
                        .contextKeyType(values.size() > 1 ? "stringList" : "string").build());
            }
            request.contextEntries(entries);
        }
        if (!caller.equals("-")) {
            request.callerArn(caller);
        }
        List<EvaluationResult> results = iam.simulateCustomPolicy(request.build()).evaluationResults();
        assertEquals(1, results.size());
        assertEquals(expected, results.get(0).evalDecisionAsString(), policy);
        assertEquals(action, results.get(0).evalActionName());
        assertEquals(resource, results.get(0).evalResourceName());
        if (!expected.equals("implicitDeny")) {
            assertEquals("PolicyInputList.1", results.get(0).matchedStatements().get(0).sourcePolicyId());
        }
    }
}
