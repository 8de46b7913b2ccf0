package io.awstutor.sandbox.ec2;

/** An instance's state with the code EC2 reports beside its name. */
public enum InstanceStateName {
    PENDING("pending", 0),
    RUNNING("running", 16),
    SHUTTING_DOWN("shutting-down", 32),
    TERMINATED("terminated", 48),
    STOPPING("stopping", 64),
    STOPPED("stopped", 80);

    private final String label;
    private final int code;

    InstanceStateName(String label, int code) {
        this.label = label;
        this.code = code;
    }

    public String label() { return label; }
    public int code() { return code; }

    /** Holds a network interface: a security group it uses cannot be deleted. */
    public boolean holdsNetwork() {
        return this != TERMINATED;
    }

    /** Can send and receive traffic. */
    public boolean isUp() {
        return this == RUNNING || this == PENDING;
    }
}
