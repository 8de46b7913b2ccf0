package io.awstutor.sandbox.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Puts {@link SpelledHeaders} in place of an exchange's response headers, so that the names go
 * out as AWS spells them. The JDK's {@code HttpServer} offers no public way: its
 * {@code Headers} rewrites every name to one leading capital ({@code X-cache},
 * {@code Content-type}), which {@code curl -i} and the lessons' output show to learners.
 *
 * <p>This reaches into the JDK server's exchange ({@code sun.net.httpserver}), which the jar's
 * manifest opens ({@code Add-Opens}) and the tests' JVM opens on its command line. Where it is
 * not open, or a JDK keeps its exchange differently, the server answers exactly as before with
 * the JDK's spelling: header names are case-insensitive, so no client breaks, only the
 * spelling differs. The reflective handles are looked up once and never change.
 */
final class HeaderSpelling {
    private static final Optional<Handles> HANDLES = Handles.find();

    private record Handles(Field exchange, Field responseHeaders) {
        static Optional<Handles> find() {
            try {
                Class<?> wrapper = Class.forName("sun.net.httpserver.HttpExchangeImpl");
                Class<?> impl = Class.forName("sun.net.httpserver.ExchangeImpl");
                Field exchange = wrapper.getDeclaredField("impl");
                Field headers = impl.getDeclaredField("rspHdrs");
                if (headers.getType() != Headers.class) {
                    return Optional.empty();
                }
                exchange.setAccessible(true);
                headers.setAccessible(true);
                return Optional.of(new Handles(exchange, headers));
            } catch (ReflectiveOperationException | RuntimeException notOpen) {
                return Optional.empty();
            }
        }
    }

    private HeaderSpelling() {
    }

    /** Whether names will keep their spelling on this JVM (false: the JDK's is used). */
    static boolean available() {
        return HANDLES.isPresent();
    }

    /**
     * Before anything is put in the exchange's response headers: from here on they keep their
     * spelling. Does nothing when this JVM does not allow it.
     */
    static void keep(HttpExchange exchange) {
        HANDLES.ifPresent(handles -> {
            if (!handles.exchange().getDeclaringClass().isInstance(exchange)) {
                return;
            }
            try {
                Object impl = handles.exchange().get(exchange);
                Headers before = (Headers) handles.responseHeaders().get(impl);
                if (before.isEmpty()) {
                    handles.responseHeaders().set(impl, new SpelledHeaders());
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // keep the JDK's headers: the answer goes out, with the JDK's spelling
            }
        });
    }
}
