package io.awstutor.sandbox.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.util.Optional;

/**
 * Puts {@link SpelledHeaders} in place of an exchange's response headers, so that the names go
 * out as AWS spells them. The JDK's {@code HttpServer} offers no public way: its
 * {@code Headers} rewrites every name to one leading capital ({@code X-cache},
 * {@code Content-type}), which {@code curl -i} and the lessons' output show to learners.
 *
 * <p>Where the JDK server's exchange is not open ({@link JdkExchangeField}) the server answers
 * exactly as before with the JDK's spelling: header names are case-insensitive, so no client
 * breaks, only the spelling differs.
 */
final class HeaderSpelling {
    private static final Optional<JdkExchangeField> RESPONSE_HEADERS = JdkExchangeField.find("rspHdrs", Headers.class);

    private HeaderSpelling() {
    }

    /** Whether names will keep their spelling on this JVM (false: the JDK's is used). */
    static boolean available() {
        return RESPONSE_HEADERS.isPresent();
    }

    /**
     * Before anything is put in the exchange's response headers: from here on they keep their
     * spelling. Does nothing when this JVM does not allow it.
     */
    static void keep(HttpExchange exchange) {
        RESPONSE_HEADERS.ifPresent(headers -> {
            try {
                Optional<Object> owner = headers.owner(exchange);
                if (owner.isPresent() && ((Headers) headers.get(owner.get())).isEmpty()) {
                    headers.set(owner.get(), new SpelledHeaders());
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // keep the JDK's headers: the answer goes out, with the JDK's spelling
            }
        });
    }
}
