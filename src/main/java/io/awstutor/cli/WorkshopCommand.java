package io.awstutor.cli;

import picocli.CommandLine.Command;

/** {@code awstutor workshop …}: an instructor's tools for running a class. */
@Command(name = "workshop", mixinStandardHelpOptions = true,
        description = "Run a workshop: serve a class from this machine, report on it, or provision real AWS accounts.",
        subcommands = {WorkshopServeCommand.class, WorkshopReportCommand.class, WorkshopProvisionCommand.class,
                WorkshopTeardownCommand.class})
public final class WorkshopCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
