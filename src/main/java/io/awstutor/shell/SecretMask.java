package io.awstutor.shell;

import io.awstutor.target.Secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets off the screen: what looks like one (a secret access key, a session token,
 * a literal given to a password) and every secret the session has met — a password typed
 * into a snippet, the value of a variable named like a secret — are masked in values,
 * listings, messages and the learner's own printed output, wherever they would show.
 */
public final class SecretMask {
    /** A variable whose name says it holds a secret: password, pwd, secretKey, token ... */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(passw|pwd|secret|token|credential|privatekey).*|pw");
    /** What only names a secret, or serves them: secretArn, loginSecretId, tokenName, the secretsmanager client … (the lessons print them). */
    private static final Pattern NAMES_ONLY = Pattern.compile("(?i).*(arn|id|name|status|manager|client)");
    private static final int SHORTEST = 6;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Remembers the secrets a snippet's source gives away (literals passed to a password or secret). */
    public void learnFromSource(String source) {
        Secrets.namedLiterals(source).forEach(this::learn);
    }

    /** Remembers a variable's value when its name says it is a secret. */
    public void learnVariable(String name, String printedValue) {
        if (printedValue != null && namesASecret(name)) {
            String value = printedValue.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            learn(value);
        }
    }

    static boolean namesASecret(String variableName) {
        return SECRET_NAME.matcher(variableName).matches() && !NAMES_ONLY.matcher(variableName).matches();
    }

    private void learn(String secret) {
        if (secret != null && secret.length() >= SHORTEST && !secret.equals("null")) {
            known.add(secret);
        }
    }

    /** The text with every secret in it masked. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        List<String> longestFirst = known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, Secrets.mask(secret));
            }
        }
        return Secrets.maskInText(masked);
    }

    /**
     * A stream for the learner's own output (println in a snippet): whole lines are masked
     * and passed on; a line without its end waits for it, or for {@link MaskingStream#release()}
     * when the snippet is over.
     */
    public MaskingStream wrap(PrintStream target) {
        return new MaskingStream(target);
    }

    public final class MaskingStream extends OutputStream {
        private static final int MAX_PENDING = 16 * 1024;
        private final PrintStream target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        private MaskingStream(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
            if (b == '\n' || pending.size() > MAX_PENDING) {
                release();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** Passes on what is pending, masked. */
        public synchronized void release() {
            if (pending.size() == 0) {
                return;
            }
            String text = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            target.print(mask(text));
            target.flush();
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
