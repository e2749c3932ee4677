/**
 * Experiments: YAML configs bound to records, the parallel batch runner (one single-threaded run per
 * (strategy label, seed)), regret traces as in automl/nas_benchmarks' {@code get_results}, CSV outputs, Tablesaw summaries,
 * run metadata, resume and progress display.
 *
 * <p>May depend on {@code nas4j.search}, {@code nas4j.bench} (and its loaders {@code bench.io},
 * {@code bench.surrogate}), {@code nas4j.space}; the only package using Jackson, Tablesaw and progressbar.
 * Nothing here depends on {@code nas4j.cli}.
 */
package nas4j.experiment;
