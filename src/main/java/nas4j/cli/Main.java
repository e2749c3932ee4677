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
      SurrogateCommand.class,
      RunCommand.class,
      CompareCommand.class,
      ReportCommand.class,
      MergeCommand.class,
      ValidateCommand.class,
      AnalyzeCommand.class,
      QueryCommand.class,
      ConvertCommand.class,
      BenchCommand.class,
      ExportCommand.class,
      StrategiesCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code;
    try {
      code = execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(UserErrors.outOfMemory(e));
      code = 1;
    }
    System.exit(code);
  }

  /** Runs the command line and returns the exit code (user errors: message on stderr, code 2, no stack trace). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command line writing to the given streams (for tests and embedding); returns the exit code. */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The configured command line: user-error handler, case-insensitive enum values, and enum values also written
   * in kebab case ({@code raw-edges-first} for {@code RAW_EDGES_FIRST}).
   */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new UserErrors());
    cl.setParameterExceptionHandler(Main::badCommandLine);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(nas4j.space.ValidityRule.class, Main::validityRule);
    return cl;
  }

  /** A bad option or argument: one line, a suggestion if picocli has one, and where the usage is (exit 2). */
  static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    java.io.PrintWriter err = cl.getErr();
    err.println("nas4j: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return 2;
  }

  /** Parses {@code api} / {@code raw-edges-first} (any case, '-' or '_'). */
  static nas4j.space.ValidityRule validityRule(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (nas4j.space.ValidityRule r : nas4j.space.ValidityRule.values()) {
      if (r.name().equals(t)) {
        return r;
      }
    }
    throw new CommandLine.TypeConversionException("unknown validity rule '" + text + "'; known: api, raw-edges-first");
  }
}
