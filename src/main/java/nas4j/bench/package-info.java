/**
 * The tabular benchmark core: the {@code Benchmark} interface, the columnar metrics store keyed by the dense
 * cell id of {@link nas4j.space.SpaceIndex}, the charged {@code Oracle} with its budget and repeat/duplicate
 * policies, and the immutable query records.
 *
 * <p>May depend on {@code nas4j.space} and the JDK only. File formats live in {@code nas4j.bench.io} and the
 * fitted surrogate in {@code nas4j.bench.surrogate}, which depend on this package, never the reverse.
 */
package nas4j.bench;
