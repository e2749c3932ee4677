package nas4j.search;

import java.util.random.RandomGenerator;
import nas4j.bench.Oracle;

/**
 * A search strategy: queries cells through an {@link Oracle} until the oracle throws
 * {@link nas4j.bench.BudgetExhaustedException}, which the caller treats as the normal end of the run.
 *
 * <p>A strategy sees only the oracle (validation accuracy, training time, canonical hash, budget) and its own
 * seeded generator: never test accuracy, a dataset, a file or a clock. Same parameters, oracle and seed ⇒ the
 * same sequence of queries. Instances are used by one run on one thread.
 */
@FunctionalInterface
public interface SearchStrategy {
  void run(Oracle oracle, RandomGenerator rng);
}
