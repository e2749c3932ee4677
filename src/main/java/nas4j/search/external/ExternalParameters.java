package nas4j.search.external;

/**
 * Parameters of the {@code external} strategy. Immutable.
 *
 * @param command the program and its arguments, split at spaces outside single or double quotes (no shell: no
 *     variables, globs or pipes), run in nas4j's working folder, e.g. {@code python3 examples/python/random_search.py}
 * @param timeoutSeconds how long nas4j waits for each line of the process (its next request) and for it to exit
 *     after the run; a process that takes longer is killed and the run fails
 */
public record ExternalParameters(String command, double timeoutSeconds) {
  public ExternalParameters {
    if (command == null) {
      command = "";
    }
    if (!(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
      throw new IllegalArgumentException("timeoutSeconds must be in (0, 86400]; got " + timeoutSeconds);
    }
    if (!command.isBlank()) {
      CommandLine.split(command); // fails on an unclosed quote
    }
  }

  /** No command (it must be given), 60 s per request. */
  public static ExternalParameters defaults() {
    return new ExternalParameters("", 60);
  }
}
