package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.awstutor.sandbox.iam.policy.Decision.ALLOWED;
import static io.awstutor.sandbox.iam.policy.Decision.EXPLICIT_DENY;
import static io.awstutor.sandbox.iam.policy.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The evaluator against a table of requests and the decisions AWS documents for them. Policies
 * are written with single quotes for readability. The evaluator's clock is fixed at
 * 2026-01-01T00:00:00Z (aws:CurrentTime, aws:EpochTime = 1767225600).
 */
class PolicyEvaluationTableTest {
    static final String ACCT = "000000000000";
    static final String OTHER = "111111111111";
    static final Caller ROOT = new Caller.Root(ACCT);
    static final Caller ALICE = new Caller.User(ACCT, "alice", "/", "AIDAALICE0000000000");
    static final Caller BOB = new Caller.User(ACCT, "bob", "/staff/", "AIDABOB00000000000");
    static final Caller CAROL = new Caller.User(OTHER, "carol", "/", "AIDACAROL000000000");
    static final Caller SESSION = new Caller.AssumedRole(ACCT, "Deployer", "AROADEPLOYER000000", "ci");
    static final Caller ANON = new Caller.Anonymous();

    static final String ADMIN = "{'Effect':'Allow','Action':'*','Resource':'*'}";
    static final String BUCKET = "arn:aws:s3:::b";
    static final String OBJECT = "arn:aws:s3:::b/k";
    static final String ROLE = "arn:aws:iam::" + ACCT + ":role/Deployer";
    static final String INSTANCE = "arn:aws:ec2:us-east-1:" + ACCT + ":instance/i-0abc";

    private final PolicyEvaluator evaluator =
            new PolicyEvaluator(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    record Case(String name, Decision expected, String action, String resource, Caller caller,
                List<String> identity, String resourcePolicy, Map<String, List<String>> context) {
        @Override
        public String toString() { return name; }
    }

    static Stream<Case> cases() {
        List<Case> t = new ArrayList<>();
        // --- basics: implicit deny, explicit allow, explicit deny wins
        t.add(c("no policy: implicit deny", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids()));
        t.add(c("AdministratorAccess allows anything", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE, ids(p(ADMIN))));
        t.add(c("explicit deny beats AdministratorAccess", EXPLICIT_DENY, "iam:CreateUser", "arn:aws:iam::" + ACCT + ":user/eve", ALICE,
                ids(p(ADMIN), p("{'Sid':'NoUsers','Effect':'Deny','Action':'iam:CreateUser','Resource':'*'}"))));
        t.add(c("deny in the same policy as the allow", EXPLICIT_DENY, "s3:DeleteObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*'}", "{'Effect':'Deny','Action':'s3:Delete*','Resource':'*'}"))));
        t.add(c("root needs no policy", ALLOWED, "iam:CreateUser", "arn:aws:iam::" + ACCT + ":user/eve", ROOT, ids()));
        // --- actions: wildcards, case-insensitivity
        t.add(c("action names are case-insensitive", ALLOWED, "S3:getobject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"))));
        t.add(c("policy action case-insensitive too", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'S3:GETOBJECT','Resource':'*'}"))));
        t.add(c("s3:Get* allows GetObject", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}"))));
        t.add(c("s3:Get* does not allow PutObject", IMPLICIT_DENY, "s3:PutObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}"))));
        t.add(c("? matches one character", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:?etObject','Resource':'*'}"))));
        t.add(c("iam:*User matches CreateUser", ALLOWED, "iam:CreateUser", "*", ALICE, ids(p("{'Effect':'Allow','Action':'iam:*User','Resource':'*'}"))));
        t.add(c("iam:*User does not match CreateGroup", IMPLICIT_DENY, "iam:CreateGroup", "*", ALICE, ids(p("{'Effect':'Allow','Action':'iam:*User','Resource':'*'}"))));
        t.add(c("service prefix must match", IMPLICIT_DENY, "s3express:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"))));
        // --- NotAction
        t.add(c("Allow NotAction iam:* allows s3", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"))));
        t.add(c("Allow NotAction iam:* leaves iam implicitly denied", IMPLICIT_DENY, "iam:CreateUser", "*", ALICE, ids(p("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"))));
        t.add(c("Deny NotAction s3:* denies ec2 explicitly", EXPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','NotAction':['s3:*','sts:GetCallerIdentity'],'Resource':'*'}"))));
        t.add(c("Deny NotAction s3:* lets s3 through", ALLOWED, "s3:ListBucket", BUCKET, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','NotAction':['s3:*','sts:GetCallerIdentity'],'Resource':'*'}"))));
        // --- resources: ARN segments, wildcards, NotResource
        t.add(c("b/* matches nested keys", ALLOWED, "s3:GetObject", "arn:aws:s3:::b/a/b/c.txt", ALICE, ids(p("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}"))));
        t.add(c("b/* does not match the bucket itself", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE, ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}"))));
        t.add(c("resource ? wildcard", ALLOWED, "s3:GetObject", "arn:aws:s3:::b/k1", ALICE, ids(p("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/k?'}"))));
        t.add(c("resource ARNs are case-sensitive", IMPLICIT_DENY, "s3:GetObject", "arn:aws:s3:::B/k", ALICE, ids(p("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}"))));
        t.add(c("wildcard region and account segments", ALLOWED, "ec2:StopInstances", INSTANCE, ALICE, ids(p("{'Effect':'Allow','Action':'ec2:*','Resource':'arn:aws:ec2:*:*:instance/*'}"))));
        t.add(c("segment wildcard does not cross into another resource type", IMPLICIT_DENY, "ec2:DeleteSecurityGroup",
                "arn:aws:ec2:us-east-1:" + ACCT + ":security-group/sg-1", ALICE, ids(p("{'Effect':'Allow','Action':'ec2:*','Resource':'arn:aws:ec2:*:*:instance/*'}"))));
        t.add(c("region prefix wildcard us-*", IMPLICIT_DENY, "ec2:StopInstances", "arn:aws:ec2:eu-west-1:" + ACCT + ":instance/i-1", ALICE,
                ids(p("{'Effect':'Allow','Action':'ec2:*','Resource':'arn:aws:ec2:us-*:*:instance/*'}"))));
        t.add(c("resource part may hold colons", ALLOWED, "logs:PutLogEvents", "arn:aws:logs:us-east-1:" + ACCT + ":log-group:app:log-stream:s1", ALICE,
                ids(p("{'Effect':'Allow','Action':'logs:*','Resource':'arn:aws:logs:us-east-1:" + ACCT + ":log-group:app:*'}"))));
        t.add(c("account segment must match", IMPLICIT_DENY, "iam:GetUser", "arn:aws:iam::" + OTHER + ":user/x", ALICE,
                ids(p("{'Effect':'Allow','Action':'iam:GetUser','Resource':'arn:aws:iam::" + ACCT + ":user/*'}"))));
        t.add(c("Allow NotResource excludes the secret bucket", IMPLICIT_DENY, "s3:GetObject", "arn:aws:s3:::secret/x", ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','NotResource':['arn:aws:s3:::secret','arn:aws:s3:::secret/*']}"))));
        t.add(c("Allow NotResource allows other buckets", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','NotResource':['arn:aws:s3:::secret','arn:aws:s3:::secret/*']}"))));
        t.add(c("Deny NotResource denies everything else", EXPLICIT_DENY, "s3:GetObject", "arn:aws:s3:::other/k", ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::b','arn:aws:s3:::b/*']}"))));
        // --- policy variables ("IAM policy elements: Variables and tags")
        String home = "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/home/${aws:username}/*'}";
        t.add(c("${aws:username} lets alice into her home", ALLOWED, "s3:PutObject", "arn:aws:s3:::b/home/alice/f", ALICE, ids(p(home))));
        t.add(c("${aws:username} keeps alice out of bob's home", IMPLICIT_DENY, "s3:PutObject", "arn:aws:s3:::b/home/bob/f", ALICE, ids(p(home))));
        t.add(c("undefined variable (a role session has no aws:username) matches nothing", IMPLICIT_DENY, "s3:PutObject",
                "arn:aws:s3:::b/home/ci/f", SESSION, ids(p(home))));
        t.add(c("variable default value", ALLOWED, "s3:PutObject", "arn:aws:s3:::b/home/guest/f", SESSION,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/home/${aws:username, 'guest'}/*'}".replace("'guest'", "\\u0027guest\\u0027")))));
        t.add(c("${*} is a literal star", IMPLICIT_DENY, "s3:GetObject", "arn:aws:s3:::b/x", ALICE, ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}"))));
        t.add(c("${*} matches a key named *", ALLOWED, "s3:GetObject", "arn:aws:s3:::b/*", ALICE, ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}"))));
        t.add(c("a 2008-10-17 policy has no variables", IMPLICIT_DENY, "s3:PutObject", "arn:aws:s3:::b/home/alice/f", ALICE, ids(p2008(home))));
        t.add(c("aws:userid variable", ALLOWED, "s3:GetObject", "arn:aws:s3:::b/AIDAALICE0000000000/x", ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:userid}/*'}"))));
        String prefixPolicy = "{'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::b','Condition':{'StringLike':{'s3:prefix':['${aws:username}/*','']}}}";
        t.add(c("variable in a condition value", ALLOWED, "s3:ListBucket", BUCKET, ALICE, ids(p(prefixPolicy)), ctx("s3:prefix", "alice/docs/")));
        t.add(c("variable in a condition value, other prefix", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE, ids(p(prefixPolicy)), ctx("s3:prefix", "bob/")));
        // --- string conditions
        String region = "{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEquals':{'aws:RequestedRegion':['eu-west-1','us-east-1']}}}";
        t.add(c("StringEquals, one of two values", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE, ids(p(region)), ctx("aws:RequestedRegion", "us-east-1")));
        t.add(c("StringEquals, no value equal", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(region)), ctx("aws:RequestedRegion", "ap-south-1")));
        t.add(c("StringEquals is case-sensitive", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(region)), ctx("aws:RequestedRegion", "US-EAST-1")));
        t.add(c("StringEquals with the key missing is false", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(region))));
        t.add(c("condition keys are case-insensitive", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE, ids(p(region)), ctx("AWS:REQUESTEDREGION", "eu-west-1")));
        String notRegion = "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}}";
        t.add(c("StringNotEquals deny outside us-east-1", EXPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(ADMIN, notRegion)), ctx("aws:RequestedRegion", "eu-west-1")));
        t.add(c("StringNotEquals deny spares us-east-1", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE, ids(p(ADMIN, notRegion)), ctx("aws:RequestedRegion", "us-east-1")));
        // "IAM JSON policy elements: Condition operators": a negated operator with the key absent is true
        t.add(c("StringNotEquals with the key missing is true", EXPLICIT_DENY, "iam:ListUsers", "*", ALICE, ids(p(ADMIN, notRegion))));
        t.add(c("StringEqualsIgnoreCase", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE,
                ids(p("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEqualsIgnoreCase':{'ec2:InstanceType':'T3.Micro'}}}")), ctx("ec2:InstanceType", "t3.micro")));
        t.add(c("StringNotEqualsIgnoreCase", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE,
                ids(p("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringNotEqualsIgnoreCase':{'ec2:InstanceType':'T3.Micro'}}}")), ctx("ec2:InstanceType", "t3.micro")));
        t.add(c("StringLike with wildcard", ALLOWED, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*','Condition':{'StringLike':{'s3:prefix':'home/*'}}}")), ctx("s3:prefix", "home/alice/")));
        t.add(c("StringNotLike deny", EXPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'s3:ListBucket','Resource':'*','Condition':{'StringNotLike':{'s3:prefix':['public/*','shared/*']}}}")), ctx("s3:prefix", "private/")));
        // --- ARN conditions
        t.add(c("ArnLike on aws:PrincipalArn", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:user/a*'}}}"))));
        t.add(c("ArnEquals also takes wildcards per segment", IMPLICIT_DENY, "s3:GetObject", OBJECT, BOB,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'ArnEquals':{'aws:PrincipalArn':'arn:aws:iam::*:user/a*'}}}"))));
        t.add(c("aws:PrincipalArn of a role session is the role", ALLOWED, "s3:GetObject", OBJECT, SESSION,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'ArnEquals':{'aws:PrincipalArn':'" + ROLE + "'}}}"))));
        t.add(c("ArnNotEquals deny", EXPLICIT_DENY, "s3:GetObject", OBJECT, BOB,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'ArnNotEquals':{'aws:PrincipalArn':'arn:aws:iam::" + ACCT + ":user/alice'}}}"))));
        t.add(c("ArnNotLike with the key missing is true", EXPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'ArnNotLike':{'aws:SourceArn':'arn:aws:sns:*:*:t'}}}"))));
        // --- Bool, IfExists, Null
        String tlsOnly = "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}";
        t.add(c("Bool deny over plain HTTP", EXPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN, tlsOnly)), ctx("aws:SecureTransport", "false")));
        t.add(c("Bool deny spares HTTPS", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN, tlsOnly)), ctx("aws:SecureTransport", "true")));
        t.add(c("Bool with the key missing does not apply", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN, tlsOnly))));
        t.add(c("Bool value compared case-insensitively", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':true}}}")), ctx("aws:MultiFactorAuthPresent", "TRUE")));
        String mfa = "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}";
        t.add(c("BoolIfExists deny applies when the key is missing", EXPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN, mfa))));
        t.add(c("BoolIfExists deny spares MFA sessions", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN, mfa)), ctx("aws:MultiFactorAuthPresent", "true")));
        String typeIfExists = "{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEqualsIfExists':{'ec2:InstanceType':'t3.micro'}}}";
        t.add(c("StringEqualsIfExists, key absent", ALLOWED, "ec2:DescribeInstances", "*", ALICE, ids(p(typeIfExists))));
        t.add(c("StringEqualsIfExists, key present and different", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(typeIfExists)), ctx("ec2:InstanceType", "m5.24xlarge")));
        t.add(c("Null true: key absent", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Null':{'aws:TokenIssueTime':'true'}}}"))));
        t.add(c("Null false: key absent", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Null':{'aws:TokenIssueTime':'false'}}}"))));
        // --- IP addresses
        String office = "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':['10.0.0.0/8','2001:db8::/32']}}}";
        t.add(c("IpAddress inside 10.0.0.0/8", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(office)), ctx("aws:SourceIp", "10.1.2.3")));
        t.add(c("IpAddress outside", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids(p(office)), ctx("aws:SourceIp", "192.168.1.1")));
        t.add(c("IpAddress IPv6 CIDR", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(office)), ctx("aws:SourceIp", "2001:db8:0:1::5")));
        t.add(c("IpAddress single address /32", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.7/32'}}}")), ctx("aws:SourceIp", "203.0.113.7")));
        t.add(c("NotIpAddress deny from outside the office", EXPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}")), ctx("aws:SourceIp", "203.0.113.5")));
        t.add(c("NotIpAddress deny spares the office", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}")), ctx("aws:SourceIp", "10.9.9.9")));
        // --- numeric
        String maxKeys = "{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*','Condition':{'NumericLessThanEquals':{'s3:max-keys':'10'}}}";
        t.add(c("NumericLessThanEquals within", ALLOWED, "s3:ListBucket", BUCKET, ALICE, ids(p(maxKeys)), ctx("s3:max-keys", "10")));
        t.add(c("NumericLessThanEquals over", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE, ids(p(maxKeys)), ctx("s3:max-keys", "50")));
        t.add(c("NumericLessThan", ALLOWED, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'NumericLessThan':{'s3:max-keys':100}}}")), ctx("s3:max-keys", "99.5")));
        t.add(c("NumericGreaterThan", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'NumericGreaterThan':{'s3:max-keys':'100'}}}")), ctx("s3:max-keys", "100")));
        t.add(c("NumericGreaterThanEquals", ALLOWED, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'NumericGreaterThanEquals':{'s3:max-keys':'100'}}}")), ctx("s3:max-keys", "100")));
        t.add(c("NumericEquals", ALLOWED, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'NumericEquals':{'s3:max-keys':'10'}}}")), ctx("s3:max-keys", "10.0")));
        t.add(c("NumericNotEquals", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE,
                ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'NumericNotEquals':{'s3:max-keys':'10'}}}")), ctx("s3:max-keys", "10")));
        t.add(c("numeric condition on a non-number does not match", IMPLICIT_DENY, "s3:ListBucket", BUCKET, ALICE, ids(p(maxKeys)), ctx("s3:max-keys", "ten")));
        // --- dates: the clock says 2026-01-01T00:00:00Z
        t.add(c("DateLessThan on aws:CurrentTime (clock)", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2026-06-30T00:00:00Z'}}}"))));
        t.add(c("DateGreaterThan on aws:CurrentTime (clock)", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateGreaterThan':{'aws:CurrentTime':'2026-06-30'}}}"))));
        t.add(c("DateGreaterThanEquals with epoch seconds", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateGreaterThanEquals':{'aws:EpochTime':'1767225600'}}}"))));
        t.add(c("DateLessThanEquals, ISO value against an epoch context", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateLessThanEquals':{'aws:EpochTime':'2025-12-31T23:59:59Z'}}}"))));
        t.add(c("DateEquals with an offset", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateEquals':{'aws:CurrentTime':'2026-01-01T01:00:00+01:00'}}}"))));
        t.add(c("DateNotEquals", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateNotEquals':{'aws:CurrentTime':'2026-01-01T00:00:00Z'}}}"))));
        t.add(c("request-supplied aws:CurrentTime wins over the clock", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2026-06-30T00:00:00Z'}}}")),
                ctx("aws:CurrentTime", "2027-01-01T00:00:00Z")));
        // --- multivalued keys ("Single-valued vs. multivalued context keys")
        String anyTag = "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':['env','team']}}}";
        t.add(c("ForAnyValue: one request value matches", ALLOWED, "ec2:CreateTags", INSTANCE, ALICE, ids(p(anyTag)), ctx("aws:TagKeys", "cost|env")));
        t.add(c("ForAnyValue: none matches", IMPLICIT_DENY, "ec2:CreateTags", INSTANCE, ALICE, ids(p(anyTag)), ctx("aws:TagKeys", "cost|owner")));
        t.add(c("ForAnyValue: key missing is false", IMPLICIT_DENY, "ec2:CreateTags", INSTANCE, ALICE, ids(p(anyTag))));
        String allTags = "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}}";
        t.add(c("ForAllValues: every request value allowed", ALLOWED, "ec2:CreateTags", INSTANCE, ALICE, ids(p(allTags)), ctx("aws:TagKeys", "team|env")));
        t.add(c("ForAllValues: one request value not allowed", IMPLICIT_DENY, "ec2:CreateTags", INSTANCE, ALICE, ids(p(allTags)), ctx("aws:TagKeys", "env|secret")));
        t.add(c("ForAllValues: key missing is (vacuously) true", ALLOWED, "ec2:CreateTags", INSTANCE, ALICE, ids(p(allTags))));
        t.add(c("ForAnyValue:StringLike", ALLOWED, "ec2:CreateTags", INSTANCE, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'ForAnyValue:StringLike':{'aws:TagKeys':'proj-*'}}}")), ctx("aws:TagKeys", "x|proj-a")));
        t.add(c("ForAllValues:StringNotEquals denies a forbidden key", EXPLICIT_DENY, "ec2:CreateTags", INSTANCE, ALICE,
                ids(p(ADMIN, "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':'owner'}}}")), ctx("aws:TagKeys", "env|owner")));
        // --- several keys and operators are ANDed
        String both = "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:RequestedRegion':'us-east-1','aws:username':'alice'},'Bool':{'aws:SecureTransport':'true'}}}";
        t.add(c("all keys and operators hold", ALLOWED, "ec2:RunInstances", INSTANCE, ALICE, ids(p(both)), ctx("aws:RequestedRegion", "us-east-1", "aws:SecureTransport", "true")));
        t.add(c("one operator fails", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, ALICE, ids(p(both)), ctx("aws:RequestedRegion", "us-east-1", "aws:SecureTransport", "false")));
        t.add(c("one key of an operator fails", IMPLICIT_DENY, "ec2:RunInstances", INSTANCE, BOB, ids(p(both)), ctx("aws:RequestedRegion", "us-east-1", "aws:SecureTransport", "true")));
        t.add(c("aws:PrincipalAccount", ALLOWED, "s3:GetObject", OBJECT, ALICE,
                ids(p("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalAccount':'" + ACCT + "'}}}"))));
        // --- resource-based policies ("Policy evaluation for requests within a single account")
        t.add(r("same account: bucket policy naming the user allows alone", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: bucket policy naming another user", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/staff/bob'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: user with a path", ALLOWED, "s3:GetObject", OBJECT, BOB, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':['arn:aws:iam::" + ACCT + ":user/staff/bob']},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: naming only the account delegates to identity policies", IMPLICIT_DENY, "s3:GetObject", OBJECT, ALICE, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'" + ACCT + "'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: identity policy alone allows", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p("{'Effect':'Allow','Action':'s3:*','Resource':'*'}")),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/nobody'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: bucket policy deny beats identity allow", EXPLICIT_DENY, "s3:DeleteObject", OBJECT, ALICE, ids(p(ADMIN)),
                p("{'Sid':'NoDelete','Effect':'Deny','Principal':'*','Action':'s3:DeleteObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("same account: bucket policy deny applies to root too", EXPLICIT_DENY, "s3:DeleteObject", OBJECT, ROOT, ids(),
                p("{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'s3:DeleteObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("role ARN in a bucket policy matches its sessions", ALLOWED, "s3:PutObject", OBJECT, SESSION, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'" + ROLE + "'},'Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("role ARN with a path matches its sessions (a session ARN has no path)", ALLOWED, "s3:PutObject", OBJECT, SESSION, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":role/ci/Deployer'},'Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("another role's ARN does not", IMPLICIT_DENY, "s3:PutObject", OBJECT, SESSION, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":role/Auditor'},'Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("session ARN in a bucket policy", ALLOWED, "s3:PutObject", OBJECT, SESSION, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::" + ACCT + ":assumed-role/Deployer/ci'},'Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("NotPrincipal deny: everyone but alice is denied", EXPLICIT_DENY, "s3:GetObject", OBJECT, BOB, ids(p(ADMIN)),
                p("{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("NotPrincipal deny: alice is spared", ALLOWED, "s3:GetObject", OBJECT, ALICE, ids(p(ADMIN)),
                p("{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}")));
        String publicRead = p("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}");
        t.add(r("anonymous read of a public bucket", ALLOWED, "s3:GetObject", OBJECT, ANON, ids(), publicRead));
        t.add(r("anonymous write to a public-read bucket", IMPLICIT_DENY, "s3:PutObject", OBJECT, ANON, ids(), publicRead));
        t.add(r("anonymous vs a policy naming an account", IMPLICIT_DENY, "s3:GetObject", OBJECT, ANON, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'" + ACCT + "'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")));
        t.add(r("public bucket policy with a SourceIp condition", IMPLICIT_DENY, "s3:GetObject", OBJECT, ANON, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}"),
                ctx("aws:SourceIp", "8.8.8.8")));
        // --- cross-account ("Cross-account policy evaluation logic"); the bucket's owner comes from awstutor:ResourceAccount
        String carolBucket = p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":user/carol'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}");
        Map<String, List<String>> ownedHere = ctx(EvaluationRequest.RESOURCE_ACCOUNT, ACCT);
        t.add(r("cross-account: both policies allow", ALLOWED, "s3:GetObject", OBJECT, CAROL, ids(p("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}")), carolBucket, ownedHere));
        t.add(r("cross-account: resource policy alone is not enough", IMPLICIT_DENY, "s3:GetObject", OBJECT, CAROL, ids(), carolBucket, ownedHere));
        t.add(r("cross-account: identity policy alone is not enough", IMPLICIT_DENY, "s3:GetObject", OBJECT, CAROL, ids(p(ADMIN)),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}"), ownedHere));
        t.add(r("cross-account: account principal plus identity allow", ALLOWED, "s3:GetObject", OBJECT, CAROL, ids(p(ADMIN)),
                p("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":root'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}"), ownedHere));
        t.add(r("cross-account via the ARN's account segment", IMPLICIT_DENY, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCT + ":q", CAROL, ids(),
                p("{'Effect':'Allow','Principal':{'AWS':'" + OTHER + "'},'Action':'sqs:*','Resource':'*'}")));
        // --- role trust policies (the resource policy of sts:AssumeRole)
        t.add(r("trust policy naming the user lets it assume the role", ALLOWED, "sts:AssumeRole", ROLE, ALICE, ids(),
                trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'sts:AssumeRole'}")));
        t.add(r("trust policy naming the account needs an identity allow", IMPLICIT_DENY, "sts:AssumeRole", ROLE, ALICE, ids(),
                trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole'}")));
        t.add(r("trust policy naming the account plus identity allow", ALLOWED, "sts:AssumeRole", ROLE, ALICE,
                ids(p("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + ROLE + "'}")),
                trust("{'Effect':'Allow','Principal':{'AWS':'" + ACCT + "'},'Action':'sts:AssumeRole'}")));
        t.add(r("trust policy not naming the caller refuses even AdministratorAccess", IMPLICIT_DENY, "sts:AssumeRole", ROLE, BOB, ids(p(ADMIN)),
                trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'sts:AssumeRole'}")));
        t.add(r("trust policy with a Service principal", ALLOWED, "sts:AssumeRole", ROLE, ALICE, ids(),
                trust("{'Effect':'Allow','Principal':{'Service':['ec2.amazonaws.com']},'Action':'sts:AssumeRole'}"),
                ctx("aws:PrincipalServiceName", "ec2.amazonaws.com")));
        t.add(r("Service principal does not name a user", IMPLICIT_DENY, "sts:AssumeRole", ROLE, ALICE, ids(p(ADMIN)),
                trust("{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole'}")));
        t.add(r("cross-account trust: other account root plus the caller's identity allow", ALLOWED, "sts:AssumeRole", ROLE, CAROL,
                ids(p("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'arn:aws:iam::" + ACCT + ":role/*'}")),
                trust("{'Effect':'Allow','Principal':{'AWS':'" + OTHER + "'},'Action':'sts:AssumeRole'}")));
        t.add(r("cross-account trust without identity allow", IMPLICIT_DENY, "sts:AssumeRole", ROLE, CAROL, ids(),
                trust("{'Effect':'Allow','Principal':{'AWS':'" + OTHER + "'},'Action':'sts:AssumeRole'}")));
        t.add(r("trust policy with an ExternalId condition", IMPLICIT_DENY, "sts:AssumeRole", ROLE, ALICE, ids(),
                trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'s3cr3t'}}}"),
                ctx("sts:ExternalId", "guess")));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case k) {
        List<NamedPolicy> identity = new ArrayList<>();
        for (int i = 0; i < k.identity().size(); i++) {
            identity.add(new NamedPolicy("identity-" + (i + 1), PolicyDocument.parse(k.identity().get(i), PolicyKind.IDENTITY)));
        }
        Optional<NamedPolicy> resource = Optional.empty();
        if (k.resourcePolicy() != null) {
            PolicyKind kind = k.action().equalsIgnoreCase("sts:AssumeRole") ? PolicyKind.TRUST : PolicyKind.RESOURCE;
            resource = Optional.of(new NamedPolicy("resource", PolicyDocument.parse(k.resourcePolicy(), kind)));
        }
        EvaluationRequest req = new EvaluationRequest(k.action(), k.resource(), identity, resource, k.caller(), k.context());
        Evaluation e = evaluator.evaluate(req);
        assertEquals(k.expected(), e.decision(), () -> k.name() + ": " + e.explain(req));
        if (e.decision() == IMPLICIT_DENY) assertEquals(List.of(), e.matched());
        else if (!(k.caller() instanceof Caller.Root && k.expected() == ALLOWED)) assertEquals(false, e.matched().isEmpty());
    }

    // --- table helpers

    static Case c(String name, Decision expected, String action, String resource, Caller caller, List<String> identity) {
        return new Case(name, expected, action, resource, caller, identity, null, Map.of());
    }

    static Case c(String name, Decision expected, String action, String resource, Caller caller, List<String> identity,
                  Map<String, List<String>> context) {
        return new Case(name, expected, action, resource, caller, identity, null, context);
    }

    static Case r(String name, Decision expected, String action, String resource, Caller caller, List<String> identity,
                  String resourcePolicy) {
        return new Case(name, expected, action, resource, caller, identity, resourcePolicy, Map.of());
    }

    static Case r(String name, Decision expected, String action, String resource, Caller caller, List<String> identity,
                  String resourcePolicy, Map<String, List<String>> context) {
        return new Case(name, expected, action, resource, caller, identity, resourcePolicy, context);
    }

    static List<String> ids(String... policies) {
        return List.of(policies);
    }

    /** A 2012-10-17 document of the given statements, written with single quotes. */
    static String p(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements).replace('\'', '"') + "]}";
    }

    static String p2008(String... statements) {
        return "{\"Version\":\"2008-10-17\",\"Statement\":[" + String.join(",", statements).replace('\'', '"') + "]}";
    }

    static String trust(String statement) {
        return p(statement);
    }

    /** Context pairs; "a|b" is a multivalued key. */
    static Map<String, List<String>> ctx(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], Arrays.asList(kv[i + 1].split("\\|", -1)));
        return m;
    }
}
