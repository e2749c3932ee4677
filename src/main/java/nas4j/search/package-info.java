/**
 * Search strategies: the {@link nas4j.search.SearchStrategy} contract, the ServiceLoader-backed
 * {@link nas4j.search.StrategyRegistry}, the common knobs ({@link nas4j.search.Sampler},
 * {@link nas4j.search.InvalidHandling}) and the built-in strategies without third-party libraries: random search,
 * local search and REINFORCE.
 *
 * <p>May depend on {@code nas4j.bench} (the {@link nas4j.bench.Oracle} and its values only, never a dataset) and
 * {@code nas4j.space}; on nothing else (no third-party library). Strategies query only through the oracle and
 * draw randomness only from the generator they are given.
 */
package nas4j.search;
