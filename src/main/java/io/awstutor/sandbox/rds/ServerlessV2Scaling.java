package io.awstutor.sandbox.rds;

/**
 * A request's ServerlessV2ScalingConfiguration: the capacity range in ACUs and, for a range
 * that starts at 0, how long the writer may stay idle before Aurora pauses it. Absent members
 * are null; ModifyDBCluster keeps the cluster's current value for them.
 */
public record ServerlessV2Scaling(Double minCapacity, Double maxCapacity, Integer secondsUntilAutoPause) {
    static final double MAX_ACU = 256.0;
    /** AWS's default idle time before a pause, and its bounds. */
    static final int DEFAULT_AUTO_PAUSE = 300;
    static final int MIN_AUTO_PAUSE = 300;
    static final int MAX_AUTO_PAUSE = 86_400;

    /**
     * Checks the range for a cluster of this engine and version (0 ACUs only where
     * auto-pause exists) and writes it to the cluster. SecondsUntilAutoPause is kept only
     * while the minimum is 0; a minimum of 0 without it gets the default, as on AWS.
     */
    void applyTo(DbCluster c, Engine engine, String version) {
        boolean initializing = !c.serverlessV2();
        Double min = minCapacity != null || initializing ? minCapacity : c.minCapacity;
        Double max = maxCapacity != null || initializing ? maxCapacity : c.maxCapacity;
        if (min == null || max == null) {
            throw RdsErrors.invalidValue("Both MinCapacity and MaxCapacity must be specified when you initialize "
                    + "Serverless v2 scaling configuration.");
        }
        if (max < 1.0 || max > MAX_ACU || !halfStep(max)) {
            throw RdsErrors.invalidValue("Serverless v2 maximum capacity " + max + " isn't valid. The maximum capacity must be "
                    + "at least 1.0 and at most " + MAX_ACU + ", in increments of 0.5.");
        }
        double lowest = supportsAutoPause(engine, version) ? 0.0 : 0.5;
        if (min < lowest || min > max || !halfStep(min)) {
            throw RdsErrors.invalidValue("Serverless v2 minimum capacity " + min + " isn't valid. The minimum capacity must be "
                    + "at least " + lowest + " and at most the maximum capacity " + max + ", in increments of 0.5.");
        }
        if (secondsUntilAutoPause != null && (secondsUntilAutoPause < MIN_AUTO_PAUSE || secondsUntilAutoPause > MAX_AUTO_PAUSE)) {
            throw RdsErrors.invalidValue("SecondsUntilAutoPause must be between " + MIN_AUTO_PAUSE + " and " + MAX_AUTO_PAUSE + ".");
        }
        Integer pause = null;
        if (min == 0.0) {
            pause = secondsUntilAutoPause != null ? secondsUntilAutoPause
                    : c.secondsUntilAutoPause != null ? c.secondsUntilAutoPause : DEFAULT_AUTO_PAUSE;
        }
        c.minCapacity = min;
        c.maxCapacity = max;
        c.secondsUntilAutoPause = pause;
    }

    private static boolean halfStep(double acu) {
        return acu * 2 == Math.rint(acu * 2);
    }

    /** Scaling to 0 ACUs came with Aurora MySQL 3.08 and Aurora PostgreSQL 13.15/14.12/15.7/16.3. */
    static boolean supportsAutoPause(Engine engine, String version) {
        if (engine.name().equals("aurora-mysql")) {
            return version.compareTo("8.0.mysql_aurora.3.08") >= 0;
        }
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return major >= 17 || (major == 16 && minor >= 3) || (major == 15 && minor >= 7)
                || (major == 14 && minor >= 12) || (major == 13 && minor >= 15);
    }
}
