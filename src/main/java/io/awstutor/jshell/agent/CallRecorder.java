package io.awstutor.jshell.agent;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * An SDK interceptor on the learner's clients (in the JShell process) that appends one JSON
 * line per finished call to the session's event file. The shell reads the new lines after
 * each snippet: that is how it knows what a snippet changed and why a call failed, on every
 * target, without a second round trip.
 *
 * <p>It is registered as an SDK global interceptor (the resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so it also sees
 * the clients a learner builds by hand (another user's keys, another region). It records
 * only where the JShell process was given an event file; elsewhere it does nothing.
 */
public final class CallRecorder implements ExecutionInterceptor {
    private final Path eventFile;
    private final ObjectMapper json = JsonMappers.mapper();

    /** The global-interceptor form: the event file comes from the JShell process's system property. */
    public CallRecorder() {
        String events = System.getProperty(LearnerClients.EVENT_FILE_PROPERTY);
        this.eventFile = events == null ? null : Path.of(events);
    }

    public CallRecorder(Path eventFile) {
        this.eventFile = eventFile;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (eventFile == null) {
            return;
        }
        SdkResponse response = context.response();
        String requestId = response.sdkHttpResponse() == null ? null
                : response.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId")
                    .or(() -> response.sdkHttpResponse().firstMatchingHeader("x-amz-request-id")).orElse(null);
        write(new CallRecord(CallFacts.service(attributes), CallFacts.operation(attributes), CallFacts.region(attributes), true,
                context.httpResponse().statusCode(), null, null, requestId,
                CallFacts.fieldsOf(context.request()), CallFacts.fieldsOf(response)));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (eventFile == null) {
            return;
        }
        Throwable failure = context.exception();
        String code = null;
        String message = failure.getMessage();
        int status = 0;
        String requestId = null;
        if (failure instanceof AwsServiceException aws) {
            status = aws.statusCode();
            requestId = aws.requestId();
            if (aws.awsErrorDetails() != null) {
                code = aws.awsErrorDetails().errorCode();
                message = aws.awsErrorDetails().errorMessage();
            }
        }
        write(new CallRecord(CallFacts.service(attributes), CallFacts.operation(attributes), CallFacts.region(attributes), false, status,
                code, message, requestId, CallFacts.fieldsOf(context.request()), Map.of()));
    }

    private synchronized void write(CallRecord record) {
        try {
            String line = json.writeValueAsString(record) + "\n";
            Files.writeString(eventFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Losing a "what changed" line must never fail the learner's call.
        }
    }

}
