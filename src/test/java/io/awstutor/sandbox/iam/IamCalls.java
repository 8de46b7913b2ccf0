package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives {@link IamHandler} with form requests as the HTTP layer would, below HTTP. */
final class IamCalls {
    record Answer(int status, String body) {
    }

    private final IamHandler handler;

    IamCalls(IamHandler handler) {
        this.handler = handler;
    }

    Answer call(Caller caller, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.putIfAbsent("Version", "2010-05-08");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        SandboxRequest request = new SandboxRequest("POST", "/", "", Map.of("content-type",
                List.of("application/x-www-form-urlencoded")), Map.of(),
                new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)),
                InetAddress.getLoopbackAddress(), Map.of());
        ServiceCall call = new ServiceCall(request, caller, "us-east-1", "req-1", io.awstutor.testing.AllowAll.AUTHORIZER, Map.of());
        try {
            SandboxResponse response;
            try {
                response = handler.handle(call);
            } catch (AwsException e) {
                response = handler.errorFormat().encode(e, "req-1");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            response.body().writeTo(out);
            return new Answer(response.status(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
