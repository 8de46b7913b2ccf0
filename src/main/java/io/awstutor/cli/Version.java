package io.awstutor.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (development builds say so). */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"awstutor " + current(), "Java " + System.getProperty("java.version")};
    }
}
