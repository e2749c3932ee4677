package nas4j.search;

import nas4j.util.ConfigNames;

/**
 * Parameters of {@link LocalSearch}. Immutable; the constructor validates every field.
 *
 * <p>Presets: {@link #defaults()} (naszilla {@code local_search}; docs/search-protocols.md),
 * {@link #naslib()} (automl/NASLib {@code ls}), {@link #naszillaContinue()} (naszilla with
 * {@code stop_at_minimum = false}).
 *
 * @param numInit random cells queried at the start; the best one is the first current cell (1..100000)
 * @param restartInit random cells queried at each restart from a local optimum (naszilla: numInit; NASLib: 1)
 *     (1..100000)
 * <p>The neighbourhood is naszilla's: single edits (an interior op changed to either other op, or one of the
 * 21 edges flipped) that give a different valid cell, i.e. edits on input→output paths.
 *
 * @param bestImprovement false: move to the first strictly better neighbour (first improvement); true: query the
 *     whole neighbourhood, then move to its best member if it is strictly better than the current cell
 * @param stopAtMinimum true: at a local optimum restart from {@code restartInit} fresh random cells; false:
 *     continue from the best cell queried so far that has not been expanded yet
 * @param sampler sampler of the random start cells ({@code matrix} or {@code uniform}); draws invalid under the
 *     oracle's rule are redrawn without querying (local search always resamples, as naszilla and NASLib do)
 * @param skipQueried true: neighbours and random start cells already queried in this run are skipped without a
 *     query (they are free; naszilla); false: queried again (NASLib, no deduplication)
 * @param queryEveryEdit false: a cell reached by two edits of one neighbourhood (or an edit that gives the current
 *     cell back) is queried at most once per walk; true: every valid edit in the shuffled list is queried and paid
 *     for, duplicates included, as NASLib's {@code get_nbhd} list is popped one neighbour per step
 */
public record LocalSearchParameters(int numInit, int restartInit, boolean bestImprovement, boolean stopAtMinimum,
    Sampler sampler, boolean skipQueried, boolean queryEveryEdit) {

  public LocalSearchParameters {
    checkRange("numInit", numInit, 1, 100_000);
    checkRange("restartInit", restartInit, 1, 100_000);
    ConfigNames.require(sampler, Sampler.class, "sampler");
  }

  /**
   * naszilla/naszilla {@code local_search} defaults: num_init 10 (also at each restart), first improvement,
   * stop_at_minimum true, path-restricted neighbourhood, matrix sampler resampled until valid, queried cells
   * skipped.
   */
  public static LocalSearchParameters defaults() {
    return new LocalSearchParameters(10, 10, false, true, Sampler.MATRIX, true, false);
  }

  /** naszilla with {@code stop_at_minimum = false}: continue from the best not-yet-expanded cell. */
  public static LocalSearchParameters naszillaContinue() {
    return new LocalSearchParameters(10, 10, false, false, Sampler.MATRIX, true, false);
  }

  /**
   * automl/NASLib {@code ls}: best of num_init 10 random cells, best improvement over the naszilla neighbourhood,
   * restart from one random cell, no deduplication: every valid edit of the shuffled neighbour list is queried,
   * also when two edits reach the same cell.
   */
  public static LocalSearchParameters naslib() {
    return new LocalSearchParameters(10, 1, true, true, Sampler.MATRIX, false, true);
  }

  private static void checkRange(String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(parameter + " must be in " + min + ".." + max + "; got " + value);
    }
  }
}
