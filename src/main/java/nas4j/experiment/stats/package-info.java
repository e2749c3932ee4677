/**
 * Statistics for comparing search strategies: descriptive summaries (on {@code nas4j.util.Statistics}), the rank-sum (Mann–Whitney U) test with
 * Holm's correction and the Vargha–Delaney A12 effect size, the Friedman test with mean ranks and the Nemenyi
 * critical difference. Pure functions over {@code double} arrays.
 *
 * <p>Apache Commons Statistics does the rank-sum test (exact, or normal with tie and continuity corrections),
 * ranks and the chi-squared and normal distributions; written here is only what it lacks: Holm's
 * step-down adjustment, A12 and its labels, the Friedman statistic and the studentized range at infinite degrees
 * of freedom. Each is checked in the tests against R or published tables. The only package using Commons
 * Statistics.
 */
package nas4j.experiment.stats;
