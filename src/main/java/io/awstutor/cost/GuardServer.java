package io.awstutor.cost;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * The shell's end of the {@link GuardChannel}: a loopback listener on a free port. Each held
 * call is one connection carrying one question and one answer; the question is answered on
 * its own thread, so the learner's snippet simply waits for it.
 */
public final class GuardServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String token;
    private final Function<GuardChannel.Question, GuardChannel.Answer> reviewer;
    private final ObjectMapper json = JsonMappers.mapper();
    private final Thread acceptor;

    public GuardServer(Function<GuardChannel.Question, GuardChannel.Answer> reviewer) {
        this.reviewer = reviewer;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        try {
            this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the cost guard could not listen on loopback", e);
        }
        this.acceptor = new Thread(this::acceptLoop, "awstutor-cost-guard");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The system properties that point the learner's JVM at this guard. */
    public Map<String, String> systemProperties() {
        return Map.of(GuardChannel.PORT_PROPERTY, String.valueOf(port()), GuardChannel.TOKEN_PROPERTY, token);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> handle(connection), "awstutor-cost-guard-call");
                handler.setDaemon(true);
                handler.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one failed accept must not end the guard; the caller refuses on its own
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            GuardChannel.Answer answer;
            if (line == null) {
                return;
            }
            GuardChannel.Question question;
            try {
                question = json.readValue(line, GuardChannel.Question.class);
            } catch (IOException e) {
                question = null;
            }
            if (question == null || !token.equals(question.token())) {
                answer = GuardChannel.Answer.refused("awstutor's cost guard did not recognise the request");
            } else {
                try {
                    answer = reviewer.apply(question);
                } catch (RuntimeException e) {
                    answer = GuardChannel.Answer.refused("awstutor's cost guard failed (" + e.getMessage() + "), so the call was not sent");
                }
            }
            OutputStream out = connection.getOutputStream();
            out.write((json.writeValueAsString(answer) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the learner's JVM went away mid-question; it refuses on its side
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing at exit
        }
    }
}
