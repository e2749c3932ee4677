/**
 * The embedded default benchmark: a surrogate of NAS-Bench-101 fitted on real values, answering for all 423,624
 * cells. {@link nas4j.bench.surrogate.SurrogateBenchmark#load()} needs only the committed resource (predicted
 * means, quantized and deflated) and the {@link nas4j.bench.surrogate.NoiseModel}; the learner (XGBoost4J, the
 * only package using it) is needed by {@link nas4j.bench.surrogate.SurrogateFitter} at fit time only.
 *
 * <p>Depends on: {@code nas4j.bench}, {@code nas4j.space}, commons-math3 (fidelity statistics), XGBoost4J (fit).
 */
package nas4j.bench.surrogate;
