package nas4j.experiment;

/**
 * How much of each run goes into {@code trace.csv}: every query ({@link #FULL}), only the rows where the
 * incumbent changes plus each run's last row ({@link #THINNED}), or no trace file ({@link #NONE}). Summaries
 * and {@code runs.csv} are the same in every mode.
 */
public enum TraceMode {
  FULL, THINNED, NONE;

  /** The config spelling. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
