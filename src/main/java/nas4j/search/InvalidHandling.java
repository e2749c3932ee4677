package nas4j.search;


/**
 * What a strategy does with a drawn cell that breaks the oracle's validity rule ({@code search-protocols.md}
 * §1.3). Config names are {@link #toString()}: {@code resample}, {@code record-and-drop}. Immutable.
 */
public enum InvalidHandling {
  /** Redraw without querying until the cell is valid (notebook, naszilla, NASLib). No invalid query is made. */
  RESAMPLE("resample"),
  /**
   * Query the invalid cell anyway, so that the oracle records it as {@code INVALID} at zero cost, then go on
   * (automl/nas_benchmarks RS, RE; REINFORCE's rejected samples). The trace recorder drops these entries.
   */
  RECORD_AND_DROP("record-and-drop");

  private final String configName;

  InvalidHandling(String configName) {
    this.configName = configName;
  }

  /** The config name ({@code resample} or {@code record-and-drop}). */
  @Override
  public String toString() {
    return configName;
  }

  /** Parses a config name; case, '-' and '_' are interchangeable. */
  public static InvalidHandling parse(String text) {
    return Names.parse(InvalidHandling.class, text, "invalid");
  }
}
