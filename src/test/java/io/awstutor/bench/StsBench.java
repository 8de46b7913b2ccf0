package io.awstutor.bench;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.OptionalDouble;

/**
 * GetCallerIdentity as root and as an IAM user carrying a ten-statement inline policy, and
 * (since AWS requires no permission for GetCallerIdentity, so no policy is evaluated for it)
 * IAM GetUser as that user, which evaluates the ten statements on every call.
 */
final class StsBench implements BenchSection {
    static final String USER = "bench-user";

    @Override
    public String title() {
        return "sts";
    }

    /** Ten statements, the last of which allows what is measured; the others are near misses. */
    static String tenStatementPolicy() {
        StringBuilder statements = new StringBuilder();
        String[] actions = {"s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "rds:DescribeDBInstances",
                "ses:SendEmail", "iam:ListUsers", "iam:CreateUser", "sts:AssumeRole", "cloudfront:ListDistributions"};
        for (int i = 0; i < actions.length; i++) {
            statements.append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"Allow\",\"Action\":\"").append(actions[i])
                    .append("\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-").append(i)
                    .append("\"}}},");
        }
        statements.append("{\"Sid\":\"Allow\",\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"sts:GetCallerIdentity\"],\"Resource\":\"*\"}");
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    /** Creates the user with its policy and a key, through IAM at {@code endpoint}. */
    static AwsCredentials userWithPolicy(BenchContext context, URI endpoint) {
        try (IamClient iam = context.client(IamClient.builder(), endpoint, TestSandbox.root(), "aws-global")) {
            iam.createUser(r -> r.userName(USER));
            iam.putUserPolicy(r -> r.userName(USER).policyName("ten-statements").policyDocument(tenStatementPolicy()));
            AccessKey key = iam.createAccessKey(r -> r.userName(USER)).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }

    @Override
    public void run(BenchContext context, BenchTable table) throws Exception {
        URI sandbox = context.sandbox().endpoint();
        AwsCredentials sandboxUser = userWithPolicy(context, sandbox);
        OptionalDouble motoRoot = OptionalDouble.empty();
        OptionalDouble motoUser = OptionalDouble.empty();
        OptionalDouble motoGetUser = OptionalDouble.empty();
        if (context.moto().isPresent()) {
            URI moto = context.moto().get().endpoint();
            AwsCredentials motoCredentials = userWithPolicy(context, moto);
            motoRoot = OptionalDouble.of(callerIdentity(context, moto, TestSandbox.root()));
            motoUser = OptionalDouble.of(callerIdentity(context, moto, motoCredentials));
            motoGetUser = OptionalDouble.of(getUser(context, moto, motoCredentials));
        }
        table.add(title(), "GetCallerIdentity as root", callerIdentity(context, sandbox, TestSandbox.root()), motoRoot, "");
        OptionalDouble motoRaw = context.moto().isPresent()
                ? OptionalDouble.of(replayed(context, context.moto().get().endpoint())) : OptionalDouble.empty();
        table.add(title(), "GetCallerIdentity as root, replayed raw", replayed(context, sandbox), motoRaw,
                "one signed request resent: server cost only");
        table.add(title(), "GetCallerIdentity as user (10-statement policy)",
                callerIdentity(context, sandbox, sandboxUser), motoUser, "AWS needs no permission: not evaluated");
        String note = "10 statements evaluated per call";
        try (IamClient probe = context.client(IamClient.builder(), sandbox, sandboxUser, "aws-global")) {
            probe.getUser();
        } catch (AwsServiceException e) {
            note = "DENIED (" + e.awsErrorDetails().errorCode() + "): IAM's policies not wired yet";
        }
        table.add("iam", "GetUser as user (10-statement policy)", getUser(context, sandbox, sandboxUser), motoGetUser, note);
    }

    /** The server's side alone: one signed request, resent by the JDK's lean HTTP client. */
    private static double replayed(BenchContext context, URI endpoint) throws Exception {
        java.net.http.HttpRequest request = io.awstutor.sandbox.SignedHttp.formRequest(endpoint, "sts", Sandbox.DEFAULT_REGION,
                TestSandbox.root(), java.time.Clock.systemUTC(), "Action=GetCallerIdentity&Version=2011-06-15");
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        return context.measure(() -> {
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GetCallerIdentity answered " + response.statusCode());
            }
            return response;
        });
    }

    private static double callerIdentity(BenchContext context, URI endpoint, AwsCredentials credentials) throws Exception {
        try (StsClient sts = context.client(StsClient.builder(), endpoint, credentials, Sandbox.DEFAULT_REGION)) {
            return context.measure(sts::getCallerIdentity);
        }
    }

    private static double getUser(BenchContext context, URI endpoint, AwsCredentials credentials) throws Exception {
        try (IamClient iam = context.client(IamClient.builder(), endpoint, credentials, "aws-global")) {
            return context.measure(() -> {
                try {
                    return iam.getUser();
                } catch (AwsServiceException denied) {
                    return denied; // a denial is an answer too; the note says so
                }
            });
        }
    }
}
