package io.awstutor.sandbox.iam.policy;

/** The outcome of an evaluation, with the name the IAM policy simulator uses for it. */
public enum Decision {
    ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

    private final String simulatorName;

    Decision(String simulatorName) { this.simulatorName = simulatorName; }

    /** {@code allowed}, {@code explicitDeny} or {@code implicitDeny} (the simulator's EvalDecision). */
    public String simulatorName() { return simulatorName; }

    public boolean allowed() { return this == ALLOWED; }

    public static Decision fromSimulatorName(String name) {
        for (Decision d : values()) {
            if (d.simulatorName.equalsIgnoreCase(name)) return d;
        }
        throw new IllegalArgumentException("not an EvalDecision: " + name);
    }
}
