package nas4j.search;

import nas4j.util.ConfigNames;

/**
 * Parameters of {@link RandomSearch}. Immutable; the constructor validates every field.
 *
 * <p>Presets: {@link #defaults()} (automl/nas_benchmarks {@code run_random_search.py}, the paper's RS),
 * {@link #naszilla()} (naszilla {@code random_search}: distinct cells, resampled until valid), {@link #naslib()}
 * (NASLib {@code rs} and the nasbench notebook: resampled until valid, duplicates allowed).
 *
 * @param sampler {@code matrix} (the paper's rejection sampler) or {@code uniform} (uniform over unique cells)
 * @param invalid {@code record-and-drop}: query an invalid draw so the oracle records it as INVALID at zero cost;
 *     {@code resample}: redraw without querying until valid. Irrelevant for the uniform sampler (always valid).
 * @param distinct if true, draws of cells already queried in this run are redrawn without querying (naszilla
 *     deduplicates by its path key, nas4j by the canonical hash, which is finer)
 */
public record RandomSearchParameters(Sampler sampler, InvalidHandling invalid, boolean distinct) {

  public RandomSearchParameters {
    ConfigNames.require(sampler, Sampler.class, "sampler");
    ConfigNames.require(invalid, InvalidHandling.class, "invalid");
  }

  /**
   * automl/nas_benchmarks (the paper's Fig. 7 RS): matrix sampler, invalid draws recorded and dropped, no
   * deduplication. The paper's scripts also used the raw-edge validity rule: set the oracle's validity to
   * {@code RAW_EDGES_FIRST} in the experiment config to reproduce them (strategies only ask the oracle).
   */
  public static RandomSearchParameters defaults() {
    return new RandomSearchParameters(Sampler.MATRIX, InvalidHandling.RECORD_AND_DROP, false);
  }

  /** naszilla/naszilla {@code random_search}: distinct cells, resampled until valid (API rule). */
  public static RandomSearchParameters naszilla() {
    return new RandomSearchParameters(Sampler.MATRIX, InvalidHandling.RESAMPLE, true);
  }

  /** automl/NASLib {@code rs} and the nasbench notebook: resampled until valid, no deduplication. */
  public static RandomSearchParameters naslib() {
    return new RandomSearchParameters(Sampler.MATRIX, InvalidHandling.RESAMPLE, false);
  }
}
