package io.awstutor.jshell.agent;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs inside the JShell process: builds the learner's pre-made clients from the target
 * settings the shell passed as system properties, each with the call recorder attached.
 */
public final class LearnerClients {
    public static final String EVENT_FILE_PROPERTY = "awstutor.events";

    private LearnerClients() {
    }

    public static ClientFactory factory() {
        List<ExecutionInterceptor> interceptors = new ArrayList<>();
        String events = System.getProperty(EVENT_FILE_PROPERTY);
        if (events != null) {
            interceptors.add(new CallRecorder(Path.of(events)));
        }
        return new ClientFactory(TargetSettings.fromSystemProperties(), interceptors);
    }

    /**
     * A client of the given interface that is built on its first use. Loading a service's
     * SDK classes takes a few hundred milliseconds each; deferring it lets the session be
     * ready at once. The learner sees the interface's type and gets the real exceptions.
     */
    public static <T extends SdkClient> T lazy(Class<T> type, Supplier<T> builder) {
        InvocationHandler handler = new InvocationHandler() {
            private volatile T client;

            private T client() {
                T current = client;
                if (current == null) {
                    synchronized (this) {
                        current = client;
                        if (current == null) {
                            current = builder.get();
                            client = current;
                        }
                    }
                }
                return current;
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "toString" -> type.getSimpleName() + " (" + TargetSettings.fromSystemProperties().describe()
                                + ", " + TargetSettings.fromSystemProperties().region() + ")";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> method.invoke(this, args);
                    };
                }
                try {
                    return method.invoke(client(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Builds the most used clients on a background thread while the learner reads. */
    public static void warmUpInBackground(SdkClient... clients) {
        Thread warmUp = new Thread(() -> {
            for (SdkClient client : clients) {
                try {
                    client.serviceName();
                } catch (RuntimeException ignored) {
                    // the first real call reports any problem
                }
            }
        }, "awstutor-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}
