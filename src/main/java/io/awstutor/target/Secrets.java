package io.awstutor.target;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets (secret access keys, passwords, session tokens) wherever they would be shown
 * or stored: the first four characters stay so a learner can tell two keys apart.
 */
public final class Secrets {
    /**
     * A string literal given to something named like a secret: {@code .masterUserPassword("...")},
     * {@code secretAccessKey = "..."}; not what names a secret ({@code .secretArn("arn:…")}, {@code secretId}).
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)((?:password|passwd|secret(?!(?:arn|id|name|status|versionid)\\b)\\w*|session_?token|sessiontoken|aws_secret_access_key)\\w*\\s*(?:\\(\\s*|[=:]\\s*))\"((?:[^\"\\\\]|\\\\.){1,4096})\"");
    /** AWS's secret access keys are 40 characters of base64; its session tokens are much longer. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern SESSION_TOKEN = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{100,}={0,2}(?![A-Za-z0-9/+=])");
    /** The two-key form: AwsBasicCredentials.create("AKIA...", "secret"). */
    private static final Pattern CREDENTIALS_CREATE = Pattern.compile(
            "(Credentials\\.create\\s*\\(\\s*\"[^\"]*\"\\s*,\\s*)\"([^\"]{1,4096})\"");

    /** What {@link #mask} makes: masking it again would count the mask's own characters as the secret's length. */
    private static final Pattern MASKED = Pattern.compile("\\*{4}|[^\n]{4}…\\(\\d+ chars, hidden\\)");

    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        if (MASKED.matcher(secret).matches()) {
            return secret;
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "…(" + secret.length() + " chars, hidden)";
    }

    /**
     * Masks the secrets inside free text (a line of history, an error message): string
     * literals given to a password or secret, and anything shaped like a secret access key
     * or a session token. An access key id (AKIA..., 20 characters) is not a secret and stays.
     */
    public static String maskInText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(NAMED, text, m -> m.group(1) + "\"" + mask(m.group(2)) + "\"");
        masked = replace(CREDENTIALS_CREATE, masked, m -> m.group(1) + "\"" + mask(m.group(2)) + "\"");
        masked = replace(SESSION_TOKEN, masked, m -> mask(m.group()));
        masked = replace(SECRET_KEY, masked, m -> looksRandom(m.group()) ? mask(m.group()) : m.group());
        return masked;
    }

    /** The literals a text gives to something named like a secret ({@code .masterUserPassword("...")}), to mask elsewhere too. */
    public static java.util.List<String> namedLiterals(String text) {
        java.util.List<String> literals = new java.util.ArrayList<>();
        if (text == null) {
            return literals;
        }
        for (Pattern pattern : java.util.List.of(NAMED, CREDENTIALS_CREATE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                literals.add(m.group(2));
            }
        }
        return literals;
    }

    /** A run of 40 letters could be a word-free identifier; a key mixes cases and digits. */
    private static boolean looksRandom(String candidate) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (char c : candidate.toCharArray()) {
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c) || c == '/' || c == '+';
        }
        return upper && lower && digit;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
