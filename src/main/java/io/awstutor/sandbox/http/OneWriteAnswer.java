package io.awstutor.sandbox.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Sends an answer's head and its small body in one write. The JDK's {@code HttpServer} flushes
 * the head in {@code sendResponseHeaders} and the body later, two writes that a loaded machine
 * can set milliseconds apart. The Terraform AWS provider's Go client then sometimes dropped an
 * answer whose head had come without its body and sent the call again; for a call that is not
 * idempotent (AuthorizeSecurityGroupEgress) the replay met its own first attempt and failed the
 * apply with InvalidPermission.Duplicate (docs/clients.md has the traces: 356 split answers and
 * 7 dropped in 12 loaded rounds; none of either with the answers sent whole). One write per
 * answer is also one system call fewer.
 *
 * <p>The JDK server's exchange ({@link JdkExchangeField}) has its raw output stream swapped for
 * one that holds what is written until {@link Held#release}. Where the JVM does not open it,
 * answers go out as before, in two writes.
 */
final class OneWriteAnswer {
    /** Bodies up to this size are held with their head; larger ones stream as they are read. */
    static final long MAX_HELD_BODY = 64 * 1024;

    private static final Optional<JdkExchangeField> RAW_OUT = JdkExchangeField.find("ros", OutputStream.class);

    private OneWriteAnswer() {
    }

    /** Whether answers go out in one write on this JVM. */
    static boolean available() {
        return RAW_OUT.isPresent();
    }

    /**
     * Before {@code sendResponseHeaders}: from here on what the exchange writes is held until
     * {@link Held#release()}, which the caller calls once the whole body is written and before
     * it closes the body's stream. Empty (answers go out as before) when the body is not small
     * or this JVM does not allow it.
     */
    static Optional<Held> hold(HttpExchange exchange, long bodyLength) {
        if (bodyLength <= 0 || bodyLength > MAX_HELD_BODY || RAW_OUT.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Object> owner = RAW_OUT.get().owner(exchange);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            Held held = new Held((OutputStream) RAW_OUT.get().get(owner.get()), (int) bodyLength + 1024);
            RAW_OUT.get().set(owner.get(), held);
            return Optional.of(held);
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The exchange's raw output, held until released; written through after that. */
    static final class Held extends OutputStream {
        private final OutputStream raw;
        private final ByteArrayOutputStream held;
        private boolean holding = true;

        private Held(OutputStream raw, int expected) {
            this.raw = raw;
            this.held = new ByteArrayOutputStream(expected);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (holding) {
                held.write(b);
            } else {
                raw.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (holding) {
                held.write(b, off, len);
            } else {
                raw.write(b, off, len);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (!holding) {
                raw.flush();
            }
        }

        /** Sends what was held, head and body, in one write. */
        synchronized void release() throws IOException {
            if (holding) {
                holding = false;
                held.writeTo(raw);
                raw.flush();
            }
        }

        @Override
        public void close() throws IOException {
            release();
            raw.close();
        }
    }
}
