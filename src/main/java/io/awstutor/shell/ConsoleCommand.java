package io.awstutor.shell;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.ConsoleLinks;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /console}: prints the target's web console (on the sandbox, its own pages), opens it
 * in a browser when a person at a desktop is typing, and lists the SES verification links
 * still waiting to be opened, for a terminal without a browser.
 */
public final class ConsoleCommand {
    private final ShellIO io;
    private final Supplier<ClientFactory> clients;

    public ConsoleCommand(ShellIO io, Supplier<ClientFactory> clients) {
        this.io = io;
        this.clients = clients;
    }

    public void install(TutorShell shell) {
        shell.commands().add(new SlashCommand("console", "", "the console of your target: see what you built, open links SES mailed",
                a -> run()));
    }

    private boolean run() {
        ConsoleLinks links = new ConsoleLinks(clients.get());
        var console = links.console();
        if (console.isEmpty()) {
            io.out().println("This target has no web console (the sandbox's is at /_console/ of its address).");
            return true;
        }
        io.out().println("Console: " + console.get());
        if (io.interactive()) {
            io.out().println(BrowserOpener.open(console.get()) ? "(opened in your browser)" : "(open it in a browser)");
        }
        List<ConsoleLinks.PendingVerification> pending = links.pendingVerifications();
        for (ConsoleLinks.PendingVerification p : pending) {
            // the link alone on its line, whole, to copy (a terminal must not break it)
            io.out().println("Waiting for a click (" + p.address() + ", " + p.region() + "):");
            io.out().println(p.link());
        }
        if (!pending.isEmpty()) {
            io.out().println("Open a link in a browser, or `curl` it, to verify its address.");
        }
        return true;
    }

    /** Opens a page in the desktop's browser, when there is a desktop; never fails. */
    static final class BrowserOpener {
        private BrowserOpener() {
        }

        static boolean open(URI uri) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            try {
                if (os.contains("linux") || os.contains("bsd")) {
                    // xdg-open needs a graphical session; over ssh or in a container there is none
                    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
                        return false;
                    }
                    return launch("xdg-open", uri.toString());
                }
                if (os.contains("mac")) {
                    return launch("open", uri.toString());
                }
                if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                    return true;
                }
            } catch (Exception | LinkageError none) {
                // no browser, no desktop module: the printed address is enough
            }
            return false;
        }

        private static boolean launch(String... command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() == 0 : true;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
