/**
 * Landscape statistics of a NAS-Bench-101 benchmark: random-walk autocorrelation, locality by edit distance,
 * operation effects, depth/width effects and distribution summaries, computed on any {@code Benchmark} (tabular
 * or surrogate) or on a partial table of real values (e.g. the 20k-cell sample), plus their CSV output.
 *
 * <p>May depend on {@code nas4j.bench}, {@code nas4j.space}, the JDK and commons-math3 only. All randomness
 * comes from an explicit seed; parallel parts reduce in a fixed order, so results do not depend on the number
 * of threads.
 */
package nas4j.analysis;
