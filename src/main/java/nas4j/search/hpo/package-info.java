/**
 * The hyperparameter-optimisation baselines of the NAS-Bench-101 paper's Fig. 7 (Ying et al. 2019, Sec. 5), as run
 * by automl/nas_benchmarks on encoding A (21 edge bits + 5 ops): {@link nas4j.search.hpo.Hyperband} and BOHB
 * (the hpbandster schedules and kernel-density model), {@link nas4j.search.hpo.Tpe} (hyperopt's tree-structured
 * Parzen estimator) and {@link nas4j.search.hpo.Smac} (random forest + expected improvement + intensification).
 * Hyperband and BOHB are multi-fidelity: they query cells at 4, 12 and 36 epochs before promoting the best to 108
 * ({@link nas4j.search.StrategyProvider#fidelities}). No third-party library; the random forest is this package's
 * own ({@link nas4j.search.hpo.RandomForest}).
 */
package nas4j.search.hpo;
