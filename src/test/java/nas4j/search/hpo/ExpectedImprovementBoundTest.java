package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SMAC's cheap EI bound ({@link Smac#expectedImprovementBound}) against the exact EI
 * ({@link Smac#expectedImprovement}, commons-math's erfc), and the lazy EI order ({@link Smac.EiQueue}) against a
 * plain stable sort by the exact EI.
 */
class ExpectedImprovementBoundTest {

  private static final double[] SIGMAS = {1e-300, 1e-12, 1e-4, 0.03, 1, 1e6};

  @Test
  void theBoundIsNeverBelowTheExactEiAndWithinThreePercentOfIt() {
    SplittableRandom rng = new SplittableRandom(15);
    int checked = 0;
    for (double sigma : SIGMAS) {
      for (int k = -30_000; k <= 60_000; k += 7) { // z from −30 to 60 in steps of 0.007, η random
        double eta = rng.nextDouble();
        double mu = eta - k / 1000.0 * sigma;
        checked += check(eta, mu, sigma);
        checked += check(k / 1000.0 * sigma, 0, sigma); // μ = 0: a tiny σ gives tiny EIs (near-subnormal results)
      }
    }
    for (int i = 0; i < 200_000; i++) { // predictions as SMAC's forest makes them: losses, small variances
      double eta = 0.04 + 0.1 * rng.nextDouble();
      double mu = eta + (rng.nextDouble() - 0.2) * 0.5;
      double sigma = Math.sqrt(Math.pow(10, -16 + 15 * rng.nextDouble()));
      checked += check(eta, mu, sigma);
    }
    for (double z : new double[] {1e3, 1e8, 1e20, 1e300, -29.999999, -1e-300, 0, 1e-300}) { // huge and tiny z
      for (double sigma : SIGMAS) {
        checked += check(0.5, 0.5 - z * sigma, sigma);
      }
    }
    assertThat(checked).isGreaterThan(150_000); // the rest: z < −30, no bound (checked too)
  }

  /** Checks one case; 1 if a bound was given. */
  private static int check(double eta, double mu, double sigma) {
    double exact = Smac.expectedImprovement(eta, mu, sigma);
    double bound = Smac.expectedImprovementBound(eta, mu, sigma);
    double z = (eta - mu) / sigma;
    if (!(z >= Smac.BOUND_MIN_Z) || Double.isInfinite(z) || !(bound < Double.POSITIVE_INFINITY)
        && exact * (1 + 2 * Smac.BOUND_MARGIN) < Smac.BOUND_MIN_VALUE) {
      assertThat(bound).as("no bound at z = %s", z).isEqualTo(Double.POSITIVE_INFINITY);
      return 0;
    }
    assertThat(bound).as("eta %s mu %s sigma %s (z = %s)", eta, mu, sigma, z).isGreaterThanOrEqualTo(exact);
    assertThat(bound).as("eta %s mu %s sigma %s (z = %s)", eta, mu, sigma, z).isLessThanOrEqualTo(exact * 1.03);
    return 1;
  }

  @Test
  void theBoundIsExactAtZeroAndAbsentWithoutSpread() {
    // z = 0: f(0) = φ(0) = 1/√(2π) = 0.3989422804014327, and Boyd's bound is tight there (2π/(√(2π)·√(2π)) = 1)
    assertThat(Smac.expectedImprovementBound(0.2, 0.2, 1.0)).isCloseTo(0.3989422804014327 * (1 + 1e-6),
        within(1e-15));
    assertThat(Smac.expectedImprovementBound(0.2, 0.1, 0.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Smac.expectedImprovementBound(0.2, 0.1, -1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Smac.expectedImprovementBound(0.0, 0.31, 0.01)).isEqualTo(Double.POSITIVE_INFINITY); // z = −31
  }

  @Test
  void theLazyOrderIsTheStableSortByExactEi() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(600);
      double eta = 0.05 + 0.05 * rng.nextDouble();
      double[] mu = new double[n];
      double[] var = new double[n];
      int distinct = 1 + rng.nextInt(n); // repeated predictions: ties, as a forest's shared leaves make them
      double[] pmu = new double[distinct];
      double[] pvar = new double[distinct];
      for (int i = 0; i < distinct; i++) {
        pmu[i] = eta + (rng.nextDouble() - 0.1) * 0.3;
        int kind = rng.nextInt(10);
        pvar[i] = kind == 0 ? 0.0 : kind == 1 ? 1e-30 : Math.pow(10, -8 + 6 * rng.nextDouble());
      }
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(distinct);
        mu[i] = pmu[j];
        var[i] = pvar[j];
      }
      int[] exactCalls = {0};
      Smac.EiQueue q = new Smac.EiQueue(eta, mu, var, n, (e, m, v) -> {
        exactCalls[0]++;
        return Smac.expectedImprovement(e, m, Math.sqrt(v));
      });
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        expected.add(i);
      }
      // List.sort is stable: equal EI keeps the index order
      expected.sort(Comparator.comparingDouble((Integer i) -> -Smac.expectedImprovement(eta, mu[i],
          Math.sqrt(var[i]))));
      int polled = trial % 2 == 0 ? n : Math.min(n, 10);
      for (int k = 0; k < polled; k++) {
        assertThat(q.poll()).as("trial %d, position %d", trial, k).isEqualTo(expected.get(k));
      }
    }
  }
}
