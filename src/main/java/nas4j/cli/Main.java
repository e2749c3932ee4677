package nas4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nas4j} command line: thin picocli commands over the library; no logic of its own. */
@Command(
    name = "nas4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Neural-architecture-search experiments on NAS-Bench-101.",
    subcommands = {
      CommandLine.HelpCommand.class,
      HashCommand.class,
      SpaceCommand.class,
      QueryCommand.class,
      ConvertCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (user errors: message on stderr, code 2, no stack trace). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new UserErrors());
    return cl.execute(args);
  }
}
