package nas4j.experiment;

import java.nio.file.Path;

/**
 * A config file that cannot be used: the message names the file, the line and column, the key path, the
 * rule broken and the allowed values. A user error (no stack trace is shown).
 */
public final class ConfigException extends IllegalArgumentException {
  private final transient Path file;
  private final ConfigLocation location;

  public ConfigException(Path file, ConfigLocation location, String message) {
    super(format(file, location, message));
    this.file = file;
    this.location = location;
  }

  private static String format(Path file, ConfigLocation loc, String message) {
    String where = file == null ? "config" : file.toString();
    if (loc != null && loc.line() > 0) {
      where += ":" + loc.line() + ":" + loc.column();
    }
    return where + ": " + message;
  }

  /** The file (may be null for configs not read from a file). */
  public Path file() {
    return file;
  }

  /** Where in the file (line 0 if unknown). */
  public ConfigLocation location() {
    return location;
  }
}
