package nas4j.search;

import nas4j.util.ConfigNames;


/**
 * What a strategy does with a drawn cell that breaks the oracle's validity rule (docs/search-protocols.md,
 * "Invalid cells"). Config names are {@link #toString()}: {@code resample}, {@code record-and-drop}. Immutable.
 */
public enum InvalidHandling {
  /** Redraw without querying until the cell is valid (notebook, naszilla, NASLib). No invalid query is made. */
  RESAMPLE,
  /**
   * Query the invalid cell anyway, so that the oracle records it as {@code INVALID} at zero cost, then go on
   * (automl/nas_benchmarks RS, RE; REINFORCE's rejected samples). The trace recorder drops these entries.
   */
  RECORD_AND_DROP;

  /** The config name ({@code resample} or {@code record-and-drop}). */
  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a config name; case, '-' and '_' are interchangeable. */
  public static InvalidHandling parse(String text) {
    return ConfigNames.parse(InvalidHandling.class, text, "invalid");
  }
}
