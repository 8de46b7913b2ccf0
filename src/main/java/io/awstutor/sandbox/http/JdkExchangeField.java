package io.awstutor.sandbox.http;

import com.sun.net.httpserver.HttpExchange;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * One field of the JDK server's own exchange ({@code sun.net.httpserver.ExchangeImpl}, behind
 * the public {@link HttpExchange}), for what its public API does not offer: header names as
 * AWS spells them ({@link HeaderSpelling}) and an answer's head and body in one write
 * ({@link OneWriteAnswer}). The jar's manifest opens the package ({@code Add-Opens}), and so do
 * the tests' and the benches' JVMs. Where it is not open, or a JDK keeps the field under
 * another name or type, {@link #find} is empty and the server answers as the JDK does. The
 * handles are looked up once and never change.
 */
record JdkExchangeField(Field impl, Field field) {
    static Optional<JdkExchangeField> find(String name, Class<?> type) {
        try {
            Field impl = Class.forName("sun.net.httpserver.HttpExchangeImpl").getDeclaredField("impl");
            Field field = Class.forName("sun.net.httpserver.ExchangeImpl").getDeclaredField(name);
            if (field.getType() != type) {
                return Optional.empty();
            }
            impl.setAccessible(true);
            field.setAccessible(true);
            return Optional.of(new JdkExchangeField(impl, field));
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return Optional.empty();
        }
    }

    /** The JDK's exchange behind this one, which holds the field; empty when another server made it. */
    Optional<Object> owner(HttpExchange exchange) throws IllegalAccessException {
        return impl.getDeclaringClass().isInstance(exchange) ? Optional.of(impl.get(exchange)) : Optional.empty();
    }

    Object get(Object owner) throws IllegalAccessException {
        return field.get(owner);
    }

    void set(Object owner, Object value) throws IllegalAccessException {
        field.set(owner, value);
    }
}
