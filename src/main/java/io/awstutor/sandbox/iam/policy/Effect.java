package io.awstutor.sandbox.iam.policy;

/** A statement's Effect, spelled as the policy spells it. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String text;

    Effect(String text) { this.text = text; }

    public String text() { return text; }
}
