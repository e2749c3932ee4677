package nas4j.experiment;

/** A 1-based line and column in a config file. Immutable. */
public record ConfigLocation(int line, int column) {
  public static final ConfigLocation UNKNOWN = new ConfigLocation(0, 0);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
