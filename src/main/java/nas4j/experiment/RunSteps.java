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

  /** Positions of the columns read here in {@link RegretRecorder#TRACE_HEADER} (part files have no header). */
  static final int CHARGED = column(RegretRecorder.TRACE_HEADER, "charged");
  static final int TIME = column(RegretRecorder.TRACE_HEADER, "time");
  static final int VALID_REGRET = column(RegretRecorder.TRACE_HEADER, "valid_regret");
  static final int TEST_REGRET = column(RegretRecorder.TRACE_HEADER, "test_regret");

  /** Position of a column in a CSV header, or −1. */
  static int column(String header, String name) {
    return java.util.Arrays.asList(header.split(",", -1)).indexOf(name);
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
      c[i] = Long.parseLong(f[CHARGED]);
      t[i] = Csv.parse(f[TIME]);
      v[i] = Csv.parse(f[VALID_REGRET]);
      te[i] = Csv.parse(f[TEST_REGRET]);
      i++;
    }
    return new RunSteps(key, c, t, v, te);
  }
}
