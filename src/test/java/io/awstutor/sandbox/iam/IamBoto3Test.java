package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** IAM through boto3: its paginators and its decoding of URL-encoded policy documents. */
class IamBoto3Test {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        ExternalTools.python3WithBoto3();
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    /** Runs a script that has {@code iam} (a root client) and {@code json}; returns its output lines. */
    private static String[] run(String... lines) {
        String script = "import boto3, botocore, json\niam = boto3.client('iam')\n" + String.join("\n", lines);
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout().strip().split("\n");
    }

    @Test
    void accountAuthorizationDetailsPageAcrossEveryKind() {
        String[] out = run(
                "trust = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'ec2.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]})",
                "doc = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': 'arn:aws:s3:::b/*'}]})",
                "for name in ['ann', 'ben', 'cat']: iam.create_user(UserName=name)",
                "iam.create_group(GroupName='devs')",
                "iam.add_user_to_group(GroupName='devs', UserName='ben')",
                "iam.put_user_policy(UserName='ann', PolicyName='reads', PolicyDocument=doc)",
                "iam.attach_user_policy(UserName='ann', PolicyArn='arn:aws:iam::aws:policy/ReadOnlyAccess')",
                "iam.create_role(RoleName='web', AssumeRolePolicyDocument=trust)",
                "iam.create_instance_profile(InstanceProfileName='web-profile')",
                "iam.add_role_to_instance_profile(InstanceProfileName='web-profile', RoleName='web')",
                "arn = iam.create_policy(PolicyName='mine', PolicyDocument=doc)['Policy']['Arn']",
                "iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc, SetAsDefault=True)",
                "pages = list(iam.get_paginator('get_account_authorization_details').paginate(PaginationConfig={'PageSize': 2}))",
                "print(len(pages), [u['UserName'] for p in pages for u in p['UserDetailList']])",
                "full = iam.get_account_authorization_details()",
                "ann = full['UserDetailList'][0]",
                "print(ann['UserPolicyList'][0]['PolicyDocument']['Statement'][0]['Action'], [a['PolicyName'] for a in ann['AttachedManagedPolicies']])",
                "print([u['GroupList'] for u in full['UserDetailList']], [g['GroupName'] for g in full['GroupDetailList']])",
                "role = full['RoleDetailList'][0]",
                "print(role['AssumeRolePolicyDocument']['Statement'][0]['Principal']['Service'], [p['InstanceProfileName'] for p in role['InstanceProfileList']])",
                "print(sorted((p['PolicyName'], p['AttachmentCount'], [v['VersionId'] for v in p['PolicyVersionList']]) for p in full['Policies']))",
                "only = iam.get_account_authorization_details(Filter=['LocalManagedPolicy'])",
                "print(len(only['UserDetailList']), [p['PolicyName'] for p in only['Policies']])");
        // 3 users, 1 group, 1 role, the local policy and the one AWS policy in use: 7 items, pages of 2
        assertEquals("4 ['ann', 'ben', 'cat']", out[0]);
        assertEquals("s3:GetObject ['ReadOnlyAccess']", out[1]);
        assertEquals("[[], ['devs'], []] ['devs']", out[2]);
        assertEquals("ec2.amazonaws.com ['web-profile']", out[3]);
        assertEquals("[('ReadOnlyAccess', 1, ['v1']), ('mine', 0, ['v2', 'v1'])]", out[4]);
        assertEquals("0 ['mine']", out[5]);
    }

    /** The simulator names the condition keys a decision needed but was not given, and decides with those it was. */
    @Test
    void simulatorReportsMissingContextValues() {
        String[] out = run(
                "doc = json.dumps({'Version': '2012-10-17', 'Statement': [{'Sid': 'FromOffice', 'Effect': 'Allow', 'Action': 's3:*',"
                        + " 'Resource': 'arn:aws:s3:::b/*', 'Condition': {'IpAddress': {'aws:SourceIp': '192.0.2.0/24'},"
                        + " 'StringEquals': {'aws:RequestedRegion': 'eu-west-1'}}}]})",
                "def show(r): return [(e['EvalResourceName'], e['EvalDecision'], e['MissingContextValues'], len(e['MatchedStatements'])) for e in r['EvaluationResults']]",
                "print(show(iam.simulate_custom_policy(PolicyInputList=[doc], ActionNames=['s3:GetObject'], ResourceArns=['arn:aws:s3:::b/k'])))",
                "ctx = [{'ContextKeyName': 'aws:SourceIp', 'ContextKeyValues': ['192.0.2.7'], 'ContextKeyType': 'ip'}]",
                "print(show(iam.simulate_custom_policy(PolicyInputList=[doc], ActionNames=['s3:GetObject'], ResourceArns=['arn:aws:s3:::b/k'], ContextEntries=ctx)))",
                "ctx.append({'ContextKeyName': 'aws:RequestedRegion', 'ContextKeyValues': ['eu-west-1'], 'ContextKeyType': 'string'})",
                "print(show(iam.simulate_custom_policy(PolicyInputList=[doc], ActionNames=['s3:GetObject'], ResourceArns=['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'], ContextEntries=ctx)))");
        assertEquals("[('arn:aws:s3:::b/k', 'implicitDeny', ['aws:SourceIp', 'aws:RequestedRegion'], 0)]", out[0]);
        assertEquals("[('arn:aws:s3:::b/k', 'implicitDeny', ['aws:RequestedRegion'], 0)]", out[1]);
        // a statement that is not about the resource asks for nothing
        assertEquals("[('arn:aws:s3:::b/k', 'allowed', [], 1), ('arn:aws:s3:::c/k', 'implicitDeny', [], 0)]", out[2]);
    }

    /** GetContextKeysForCustomPolicy / ForPrincipalPolicy: every condition key the policies test, once each. */
    @Test
    void contextKeysOfPolicies() {
        String[] out = run(
                "doc = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*',"
                        + " 'Condition': {'IpAddress': {'aws:SourceIp': '192.0.2.0/24'}, 'Bool': {'aws:SecureTransport': 'true'}}},"
                        + " {'Effect': 'Deny', 'Action': 'ec2:*', 'Resource': '*', 'Condition': {'StringNotEquals': {'aws:sourceip': 'x', 'ec2:Region': 'eu-west-1'}}}]})",
                "print(iam.get_context_keys_for_custom_policy(PolicyInputList=[doc])['ContextKeyNames'])",
                "iam.create_user(UserName='keyed')",
                "iam.put_user_policy(UserName='keyed', PolicyName='p', PolicyDocument=doc)",
                "extra = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringLike': {'s3:prefix': 'home/*'}}}]})",
                "print(iam.get_context_keys_for_principal_policy(PolicySourceArn='arn:aws:iam::000000000000:user/keyed', PolicyInputList=[extra])['ContextKeyNames'])",
                "try: iam.get_context_keys_for_principal_policy(PolicySourceArn='arn:aws:iam::000000000000:user/nobody')",
                "except botocore.exceptions.ClientError as e: print(e.response['Error']['Code'])");
        assertEquals("['aws:SourceIp', 'aws:SecureTransport', 'ec2:Region']", out[0]);
        assertEquals("['aws:SourceIp', 'aws:SecureTransport', 'ec2:Region', 's3:prefix']", out[1]);
        assertEquals("NoSuchEntity", out[2]);
    }

    /**
     * IAM calls are made to us-east-1 whatever region the client signs with (boto3 signs with
     * its own region when given an endpoint URL), so aws:RequestedRegion is us-east-1 for them.
     */
    @Test
    void iamCallsAreRequestedInUsEast1() {
        String[] out = run(
                "iam.create_user(UserName='regional')",
                "iam.attach_user_policy(UserName='regional', PolicyArn='arn:aws:iam::aws:policy/AdministratorAccess')",
                "deny = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Action': '*', 'Resource': '*',"
                        + " 'Condition': {'StringEquals': {'aws:RequestedRegion': 'us-east-1'}}}]})",
                "iam.put_user_policy(UserName='regional', PolicyName='not-in-us-east-1', PolicyDocument=deny)",
                "key = iam.create_access_key(UserName='regional')['AccessKey']",
                "session = boto3.Session(aws_access_key_id=key['AccessKeyId'], aws_secret_access_key=key['SecretAccessKey'], region_name='eu-west-1')",
                "try: session.client('iam').list_users(); print('allowed')",
                "except botocore.exceptions.ClientError as e: print(e.response['Error']['Code'])",
                "print(len(session.client('ec2').describe_vpcs()['Vpcs']) >= 0)");
        assertEquals("AccessDenied", out[0]);
        assertEquals("True", out[1]);
    }
}
