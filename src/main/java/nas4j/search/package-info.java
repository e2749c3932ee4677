/**
 * Search strategies: the {@code SearchStrategy} contract, the strategy registry (ServiceLoader-backed) and the
 * built-in strategies. A strategy sees only the {@code Oracle} of {@code nas4j.bench} and the cells of
 * {@code nas4j.space}, and takes a seeded {@code RandomGenerator}.
 *
 * <p>May depend on {@code nas4j.bench} (the Oracle and its records), {@code nas4j.space} and the JDK. Not on
 * {@code nas4j.bench.io}, {@code nas4j.bench.surrogate}, experiment, analysis or cli. Jenetics-based strategies
 * live in {@code nas4j.search.jenetics}, the only place for Jenetics.
 */
package nas4j.search;
