package nas4j.search;

import java.util.Objects;
import java.util.random.RandomGenerator;
import nas4j.bench.Oracle;
import nas4j.space.CellSpec;

/**
 * Random search: draw a cell, query it, repeat until the budget is spent. Immutable; each {@link #run} is
 * independent.
 */
public final class RandomSearch implements SearchStrategy {
  /** Consecutive redrawn draws (invalid or already queried) after which the run stops as stalled. */
  static final int MAX_REDRAWS = 10_000_000;

  private final RandomSearchParameters parameters;

  public RandomSearch(RandomSearchParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  /** The parameters. */
  public RandomSearchParameters parameters() {
    return parameters;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    boolean resample = parameters.invalid() == InvalidHandling.RESAMPLE;
    if (!resample && !parameters.distinct()) {
      // the paper's loop: every draw is queried (the oracle records invalid ones at zero cost)
      while (true) {
        oracle.query(parameters.sampler().draw(rng, oracle.space()));
      }
    }
    int redraws = 0;
    while (true) {
      CellSpec c = parameters.sampler().draw(rng, oracle.space());
      int id = oracle.idOf(c);
      boolean skip = (id < 0 && resample) || (id >= 0 && parameters.distinct() && oracle.hasQueried(id));
      if (skip) {
        if (++redraws > MAX_REDRAWS) {
          throw new IllegalStateException("random search stalled: " + MAX_REDRAWS
              + " draws in a row were invalid or already queried");
        }
        continue;
      }
      redraws = 0;
      oracle.query(c);
    }
  }

  @Override
  public String toString() {
    return "RandomSearch" + parameters;
  }
}
