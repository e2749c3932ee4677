package nas4j.search.jenetics;

/**
 * What a Jenetics-based strategy does with a cell that the oracle's validity rule rejects (see
 * search-protocols §1.3). Friendly names: {@code record-and-drop}, {@code resample}.
 */
public enum InvalidCells {
  /**
   * Query it anyway: the oracle records it as INVALID at zero cost (one iteration, dropped from the reported
   * trace); in regularized evolution it joins the population with fitness −1 until it ages out (automl/
   * nas_benchmarks scripts).
   */
  RECORD_AND_DROP,
  /** Never query it: draw again (random cells) or mutate the parent again (children) until valid. Free. */
  RESAMPLE;

  /** The friendly name, e.g. {@code record-and-drop}. */
  @Override
  public String toString() {
    return FriendlyNames.of(this);
  }

  /** Parses a friendly name (case-insensitive; '_' accepted for '-'). */
  public static InvalidCells parse(String text) {
    return FriendlyNames.parse(InvalidCells.class, "invalidCells", text);
  }
}
