package nas4j.experiment;

/**
 * The thinned trace of one run, as read back from its part file: for each row where the incumbent changed (and
 * the last row), the charged-query count, simulated time and both regrets (NaN = no incumbent yet). Immutable by
 * convention.
 */
record RunSteps(RunKey key, long[] charged, double[] time, double[] validRegret, double[] testRegret) {

  int size() {
    return time.length;
  }

  /** Index of the last row with {@code time ≤ t} (or −1). */
  int lastAtTime(double t) {
    int lo = 0;
    int hi = time.length - 1;
    int ans = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (time[mid] <= t) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  /** Index of the last row with {@code charged ≤ q} (or −1). */
  int lastAtQueries(long q) {
    int lo = 0;
    int hi = charged.length - 1;
    int ans = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (charged[mid] <= q) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  /** Time of the first row with an incumbent, or NaN. */
  double firstIncumbentTime() {
    for (int i = 0; i < time.length; i++) {
      if (!Double.isNaN(testRegret[i])) {
        return time[i];
      }
    }
    return Double.NaN;
  }

  static RunSteps parse(RunKey key, String csv) {
    String[] lines = csv.split("\n");
    int n = 0;
    for (String l : lines) {
      if (!l.isEmpty()) {
        n++;
      }
    }
    long[] c = new long[n];
    double[] t = new double[n];
    double[] v = new double[n];
    double[] te = new double[n];
    int i = 0;
    for (String l : lines) {
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split(",", -1);
      c[i] = Long.parseLong(f[3]);
      t[i] = Csv.parse(f[4]);
      v[i] = Csv.parse(f[11]);
      te[i] = Csv.parse(f[12]);
      i++;
    }
    return new RunSteps(key, c, t, v, te);
  }
}
