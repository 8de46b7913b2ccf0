package io.awstutor.testing;

import io.awstutor.sandbox.http.CallListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The excerpts are from a real failure (TerraformStackTest's stack on a loaded machine):
 * the sandbox answered AuthorizeSecurityGroupEgress with 200, the provider's client lost that
 * answer, retried, and the retry was refused as a duplicate. Only that is a client replay; the
 * same error without the SDK's retry, or without the sandbox's earlier 2xx, is a real failure.
 */
class ClientReplayTest {
    private static final String APPLY_ERROR = """
            Error: updating Security Group (sg-0c4354e9e879b10c7) egress rules: authorizing Security Group (egress) rules: \
            operation error EC2: AuthorizeSecurityGroupEgress, https response error StatusCode: 400, RequestID: \
            83f1e823-efe3-fa8d-93de-7b9008af64ed, api error InvalidPermission.Duplicate: the specified rule \
            "peer: 0.0.0.0/0, ALL, ALLOW" already exists
            """;
    private static final String RETRIED = "2026-12-06T09:38:43.498Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: "
            + "retrying request EC2/AuthorizeSecurityGroupEgress, attempt 2: rpc.method=AuthorizeSecurityGroupEgress\n";
    private static final String NOT_RETRIED = "2026-12-06T09:38:43.420Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: "
            + "HTTP Request Sent: rpc.method=AuthorizeSecurityGroupEgress http.request.header.amz_sdk_request=\"attempt=1; max=25\"\n";

    private static CallListener.Call call(String operation, int status) {
        return new CallListener.Call("ec2", operation, "000000000000", "us-east-1", status, Instant.parse("2026-12-06T09:38:43Z"));
    }

    @Test
    void aRetriedCallTheSandboxHadCarriedOutIsTheClientsReplay() {
        List<CallListener.Call> calls = List.of(call("RevokeSecurityGroupEgress", 200),
                call("AuthorizeSecurityGroupEgress", 200), call("AuthorizeSecurityGroupEgress", 400));
        ClientReplay replay = ClientReplay.of(APPLY_ERROR, NOT_RETRIED + RETRIED, calls).orElseThrow();
        assertEquals(new ClientReplay("EC2", "AuthorizeSecurityGroupEgress", 400), replay);
    }

    @Test
    void aReplayedCreateIsRecognisedToo() {
        String error = "Error: creating Security Group (tf-web-0): operation error EC2: CreateSecurityGroup, https response error "
                + "StatusCode: 400, RequestID: 5c6c9433-406f-8371-c233-d0bc3979cb36, api error InvalidGroup.Duplicate: "
                + "The security group 'tf-web-0' already exists";
        String log = "[DEBUG] provider.terraform-provider-aws_v5.100.0_x5: retrying request EC2/CreateSecurityGroup, attempt 2: x\n";
        assertEquals(new ClientReplay("EC2", "CreateSecurityGroup", 400), ClientReplay.of(error, log,
                List.of(call("CreateSecurityGroup", 200), call("CreateSecurityGroup", 400))).orElseThrow());
    }

    @Test
    void theSameErrorWithoutTheSdksRetryIsARealFailure() {
        List<CallListener.Call> calls = List.of(call("AuthorizeSecurityGroupEgress", 200), call("AuthorizeSecurityGroupEgress", 400));
        assertTrue(ClientReplay.of(APPLY_ERROR, NOT_RETRIED, calls).isEmpty());
    }

    @Test
    void aRetryWhoseFirstAttemptTheSandboxRefusedIsARealFailure() {
        List<CallListener.Call> calls = List.of(call("RevokeSecurityGroupEgress", 200),
                call("AuthorizeSecurityGroupEgress", 400), call("AuthorizeSecurityGroupEgress", 400));
        assertTrue(ClientReplay.of(APPLY_ERROR, RETRIED, calls).isEmpty());
    }

    @Test
    void anApplyThatFailedForAnotherReasonIsARealFailure() {
        assertTrue(ClientReplay.of("Error: creating EC2 Instance: timeout while waiting for state", RETRIED,
                List.of(call("AuthorizeSecurityGroupEgress", 200), call("AuthorizeSecurityGroupEgress", 400))).isEmpty());
    }
}
