package io.awstutor.jshell;

import io.awstutor.jshell.agent.SessionWarmUp;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * JShell's own execution engine (a JVM launched and driven over JDI, with JShell's default
 * failover), launched on another thread instead of inside {@code JShell.build()}; once up, the
 * JVM starts its {@link SessionWarmUp} while the first snippet still compiles.
 *
 * <p>Why: the session's first snippet costs its compilation (javac's first start, about half
 * a second) and the JVM's launch (about 0.3 s). JShell does them one after the other: the
 * launch inside {@code build()}, the compilation at the first {@code eval}. Neither needs the
 * other until the compiled classes are loaded into the JVM, so here they overlap: the engine
 * returned at once is a stand-in whose every method waits for the launched one.
 *
 * <p>A launch that fails surfaces at the first use as an {@link ExecutionControl.EngineTerminationException},
 * which JShell answers by shutting the session down; {@link #failure()} then says why. One
 * instance serves one JShell.
 */
final class OverlappedLaunch implements ExecutionControlProvider {
    private final CompletableFuture<ExecutionControl> launched = new CompletableFuture<>();

    /** Why the engine could not be launched, once that is known. */
    java.util.Optional<Throwable> failure() {
        if (!launched.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        try {
            launched.join();
            return java.util.Optional.empty();
        } catch (CompletionException e) {
            return java.util.Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public String name() {
        return "awstutor-overlapped";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        // JShell's own default, built as JShell.build() builds it
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        String spec = "failover:0(jdi:hostname(" + loopback + ")),1(jdi:launch(true)), 2(jdi)";
        Thread launcher = new Thread(() -> {
            try {
                ExecutionControl engine = ExecutionControl.generate(env, spec);
                Milestones.reached("session-launched");
                startWarmUp(engine);
                launched.complete(engine);
            } catch (Throwable e) {
                launched.completeExceptionally(e);
            }
        }, "awstutor-session-launch");
        launcher.setDaemon(true);
        launcher.start();
        return (ExecutionControl) Proxy.newProxyInstance(ExecutionControl.class.getClassLoader(),
                new Class<?>[]{ExecutionControl.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "OverlappedLaunch engine";
                        };
                    }
                    ExecutionControl engine;
                    if (!launched.isDone()) {
                        Milestones.reached("engine-awaits-launch"); // the compilation outran the launch
                    }
                    try {
                        engine = launched.join();
                    } catch (CompletionException e) {
                        if ("close".equals(method.getName())) {
                            return null; // nothing launched, nothing to close
                        }
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        throw new ExecutionControl.EngineTerminationException(
                                "Launching JShell execution engine threw: " + cause.getMessage());
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Loads {@link SessionWarmUp} into the JVM as a snippet's class would be, and starts it; it is optional. */
    private static void startWarmUp(ExecutionControl engine) {
        String name = SessionWarmUp.class.getName();
        try (java.io.InputStream bytes = OverlappedLaunch.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (bytes == null) {
                return;
            }
            engine.load(new ExecutionControl.ClassBytecodes[]{new ExecutionControl.ClassBytecodes(name, bytes.readAllBytes())});
            engine.invoke(name, "start");
        } catch (java.io.IOException | ExecutionControl.ExecutionControlException | RuntimeException e) {
            // the session works without it, only its first client is slower to build
        }
    }
}
