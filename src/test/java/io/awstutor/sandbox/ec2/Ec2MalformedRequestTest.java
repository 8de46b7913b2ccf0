package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed EC2 requests get EC2's error document with a 4xx status, never a 500, and change nothing. */
class Ec2MalformedRequestTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Action=DescribeSecurityGroups&MaxResults=many",
            "Action=DescribeSecurityGroups&NextToken=%%%",
            "Action=DescribeSecurityGroups&Filter.1.Value.1=x",
            "Action=DescribeInstances&MaxResults=2",
            "Action=CreateSecurityGroup&GroupName=a",
            "Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=x",
            "Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=90&IpPermissions.1.ToPort=80&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0",
            "Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=bogus&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0",
            "Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=1&IpPermissions.1.ToPort=2",
            "Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=1&IpPermissions.1.ToPort=2&IpPermissions.1.Ipv6Ranges.1.CidrIpv6=nope",
            "Action=AuthorizeSecurityGroupIngress&GroupId=sg-12&IpProtocol=tcp&FromPort=22&ToPort=22&CidrIp=1.2.3.4/32",
            "Action=RunInstances&ImageId=ami-0123456789abcdef0&MinCount=1",
            "Action=RunInstances&ImageId=nonsense&MinCount=1&MaxCount=1",
            "Action=RunInstances&ImageId=ami-0123456789abcdef0&MinCount=3&MaxCount=1",
            "Action=RunInstances&ImageId=ami-0123456789abcdef0&MinCount=1&MaxCount=1&PrivateIpAddress=999.1.1.1",
            "Action=ImportKeyPair&KeyName=k&PublicKeyMaterial=***",
            "Action=CreateVpc&CidrBlock=10.0.0.0",
            "Action=CreateSubnet&VpcId=vpc-0123456789abcdef0&CidrBlock=10.0.0.0/24",
            "Action=CreateTags&ResourceId.1=whatever-1&Tag.1.Key=a&Tag.1.Value=b",
            "Action=StopInstances",
            "Action=NoSuchAction",
    })
    void answeredWithAnEc2Error(String form) {
        SignedHttp.Response response = SignedHttp.postForm(box.endpoint(), "ec2", "us-east-1", TestSandbox.root(), box.clock(),
                form + "&Version=2016-11-15");
        assertTrue(response.status() >= 400 && response.status() < 500, response.status() + " " + response.body());
        assertTrue(response.body().contains("<Response><Errors><Error><Code>"), response.body());
        SignedHttp.Response groups = SignedHttp.postForm(box.endpoint(), "ec2", "us-east-1", TestSandbox.root(), box.clock(),
                "Action=DescribeSecurityGroups&Version=2016-11-15");
        assertEquals(200, groups.status());
        assertTrue(!groups.body().contains("<ipProtocol>tcp</ipProtocol>"), "nothing was added: " + groups.body());
    }
}
