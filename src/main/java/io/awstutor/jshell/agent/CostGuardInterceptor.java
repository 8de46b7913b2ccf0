package io.awstutor.jshell.agent;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.cost.BillableOperations;
import io.awstutor.cost.GuardChannel;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost guard's learner-side half, an SDK global interceptor in the JShell process (so
 * hand-built clients are held too): before a reviewed call is marshalled, it asks the shell
 * over the loopback {@link GuardChannel} and waits; a refusal fails the call with an
 * {@link SdkClientException} before anything leaves the machine. What the call creates is
 * tagged {@code awstutor:lesson} where the service takes tags at creation. S3 uploads are
 * asked about once marshalled, when their size is known. Without the channel's system
 * property (every JVM but the learner's) it does nothing.
 */
public final class CostGuardInterceptor implements ExecutionInterceptor {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final int port;
    private final String token;
    private final ObjectMapper json = JsonMappers.mapper();

    /** The global-interceptor form: the channel comes from the JShell process's system properties. */
    public CostGuardInterceptor() {
        String portProperty = System.getProperty(GuardChannel.PORT_PROPERTY);
        int parsed = -1;
        if (portProperty != null) {
            try {
                parsed = Integer.parseInt(portProperty);
            } catch (NumberFormatException e) {
                parsed = 0; // a broken property: refuse rather than let billable calls through
            }
        }
        this.port = parsed;
        this.token = System.getProperty(GuardChannel.TOKEN_PROPERTY, "");
    }

    public CostGuardInterceptor(int port, String token) {
        this.port = port;
        this.token = token;
    }

    private boolean active() {
        return port >= 0;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!active()) {
            return context.request();
        }
        String service = CallFacts.service(attributes);
        String operation = CallFacts.operation(attributes);
        if (!BillableOperations.mustReview(service, operation) || BillableOperations.isUpload(service, operation)) {
            return context.request();
        }
        GuardChannel.Answer answer = ask(service, operation, CallFacts.region(attributes), CallFacts.fieldsOf(context.request()));
        return CreationTags.add(context.request(), answer.lesson() == null ? "awstutor" : answer.lesson());
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        if (!active()) {
            return;
        }
        String service = CallFacts.service(attributes);
        String operation = CallFacts.operation(attributes);
        if (!BillableOperations.isUpload(service, operation)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>(CallFacts.fieldsOf(context.request()));
        context.requestBody().flatMap(body -> body.optionalContentLength()).ifPresent(length -> fields.put("ContentLength", length));
        ask(service, operation, CallFacts.region(attributes), fields);
    }

    private GuardChannel.Answer ask(String service, String operation, String region, Map<String, Object> fields) {
        GuardChannel.Question question = new GuardChannel.Question(token, service, operation, region, fields);
        GuardChannel.Answer answer;
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((json.writeValueAsString(question) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            // no read timeout: the learner may take their time to answer
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw SdkClientException.create("awstutor's cost guard did not answer, so " + operation + " was not sent.");
            }
            answer = json.readValue(line, GuardChannel.Answer.class);
        } catch (IOException e) {
            throw SdkClientException.create("awstutor's cost guard could not be reached (" + e.getMessage() + "), so "
                    + operation + " was not sent.");
        }
        if (!answer.allow()) {
            throw SdkClientException.create(answer.message());
        }
        return answer;
    }
}
