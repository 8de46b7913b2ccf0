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

import io.awstutor.target.Secrets;

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
        // AWS's validation messages may repeat the value they refuse ("… is not a valid password: 'x'")
        if (message != null) {
            for (String secret : SdkFieldExtractor.secretValues(context.request())) {
                message = message.replace(secret, Secrets.mask(secret));
            }
            message = Secrets.maskInText(message);
        }
        write(new CallRecord(CallFacts.service(attributes), CallFacts.operation(attributes), CallFacts.region(attributes), false, status,
                code, message, requestId, CallFacts.fieldsOf(context.request()), Map.of()));
    }

    private synchronized void write(CallRecord record) {
        IOException failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                String line = json.writeValueAsString(record) + "\n";
                Files.writeString(eventFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return;
            } catch (IOException e) {
                failure = e;
            }
        }
        // The learner's call stands (it was made); but the ledger that /cost, /cleanup and the
        // quit warning rely on will not know of it, so the learner is told, on the shell's screen.
        System.err.println("awstutor: the call " + record.service() + " " + record.operation() + " could not be recorded ("
                + failure.getMessage() + "); if it created something, /cost and /cleanup do not know it: note it and delete it yourself.");
    }

}
