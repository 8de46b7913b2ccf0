package io.awstutor.sandbox.http;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.auth.Authenticator;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.CredentialChain;
import io.awstutor.sandbox.auth.KeyUseListener;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryErrorFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures inside a service never reach the client as a stack trace. */
class DispatcherTest {
    private static Dispatcher dispatcherWith(ServiceHandler s3) {
        CredentialChain keys = new CredentialChain(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY, Sandbox.ROOT_ACCOUNT);
        return new Dispatcher(Map.of("s3", s3), new Authenticator(keys, Clock.systemUTC()), io.awstutor.testing.AllowAll.AUTHORIZER,
                Clock.systemUTC(), KeyUseListener.NONE);
    }

    private static ServiceHandler throwing(RuntimeException e) {
        return new ServiceHandler() {
            public String signingName() { return "s3"; }
            public ErrorFormat errorFormat() { return new QueryErrorFormat(null); }
            public SandboxResponse handle(ServiceCall call) { throw e; }
        };
    }

    private static SandboxRequest anonymousGet() throws Exception {
        return new SandboxRequest("GET", "/bucket", "", Map.of("host", List.of("127.0.0.1")), new LinkedHashMap<>(),
                new ByteArrayInputStream(new byte[0]), InetAddress.getLoopbackAddress(), new LinkedHashMap<>());
    }

    private static String body(SandboxResponse response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorDocument() throws Exception {
        Dispatcher.Answer answer = dispatcherWith(throwing(new IllegalStateException("secret internals"))).dispatch(anonymousGet());
        assertEquals(500, answer.response().status());
        String xml = body(answer.response());
        assertTrue(xml.contains("<Code>InternalError</Code>"), xml);
        assertFalse(xml.contains("secret internals") || xml.contains("at io.awstutor"), xml);
        assertEquals("s3", answer.service());
    }

    @Test
    void anAwsExceptionIsTheServicesOwnErrorDocument() throws Exception {
        Dispatcher.Answer answer = dispatcherWith(throwing(AwsException.notFound("NoSuchBucket", "The specified bucket does not exist")))
                .dispatch(anonymousGet());
        assertEquals(404, answer.response().status());
        assertTrue(body(answer.response()).contains("<Code>NoSuchBucket</Code>"));
    }
}
