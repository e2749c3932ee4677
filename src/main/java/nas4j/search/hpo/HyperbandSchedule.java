package nas4j.search.hpo;

import java.util.Arrays;

/**
 * Hyperband's schedule as hpbandster computes it (Li et al. 2018; Falkner et al. 2018): {@code s_max + 1} =
 * {@code -int(log(min/max) / log(eta)) + 1} successive-halving brackets cycled in order; budgets
 * {@code max · eta^-k}, k = s_max..0; iteration i runs bracket s = s_max − (i mod (s_max+1)) with
 * {@code n_0 = floor((s_max+1)/(s+1)) · eta^s} configurations at the s+1 smallest-first budgets
 * {@code budgets[s_max-s..]}, stage j keeping {@code max(int(n_0 · eta^-j), 1)} of them. For min 4, max 108,
 * eta 3: budgets 4/12/36/108 and brackets 27-9-3-1, 9-3-1, 6-2, 4. Immutable.
 */
public record HyperbandSchedule(int[] budgets, int eta) {

  public HyperbandSchedule {
    budgets = budgets.clone();
  }

  /** The schedule for a budget range. */
  public static HyperbandSchedule of(int minBudget, int maxBudget, int eta) {
    int stages = -(int) (StrictMath.log((double) minBudget / maxBudget) / StrictMath.log(eta)) + 1;
    int[] b = new int[stages];
    for (int k = 0; k < stages; k++) {
      b[k] = (int) Math.round(maxBudget * StrictMath.pow(eta, -(stages - 1 - k)));
    }
    return new HyperbandSchedule(b, eta);
  }

  @Override
  public int[] budgets() {
    return budgets.clone();
  }

  /** Number of brackets ({@code s_max + 1}). */
  public int brackets() {
    return budgets.length;
  }

  /** The number of configurations of each stage of Hyperband iteration {@code i}. */
  public int[] stageSizes(long iteration) {
    int sMax = budgets.length - 1;
    int s = sMax - (int) (iteration % budgets.length);
    long n0 = (long) Math.floor((double) (sMax + 1) / (s + 1)) * pow(eta, s);
    int[] n = new int[s + 1];
    for (int j = 0; j <= s; j++) {
      n[j] = (int) Math.max((long) (n0 * StrictMath.pow(eta, -j)), 1);
    }
    return n;
  }

  /** The budgets of each stage of Hyperband iteration {@code i}. */
  public int[] stageBudgets(long iteration) {
    int s = budgets.length - 1 - (int) (iteration % budgets.length);
    return Arrays.copyOfRange(budgets, budgets.length - 1 - s, budgets.length);
  }

  private static long pow(int b, int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= b;
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperbandSchedule h && h.eta == eta && Arrays.equals(h.budgets, budgets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(budgets) + eta;
  }

  @Override
  public String toString() {
    return "HyperbandSchedule[budgets=" + Arrays.toString(budgets) + ", eta=" + eta + "]";
  }
}
