/**
 * Search strategies built on Jenetics 7.2: regularized (aging) evolution, driven step by step with Jenetics
 * genotypes, selector and random registry, and Jenetics' classic generational genetic algorithm.
 *
 * <p>The only package of nas4j that may use Jenetics ({@code io.jenetics}). May depend on {@code nas4j.search}
 * (the strategy contract), {@code nas4j.bench} (the {@code Oracle} only) and {@code nas4j.space}. Strategies are
 * registered through {@code META-INF/services/nas4j.search.StrategyProvider}.
 */
package nas4j.search.jenetics;
