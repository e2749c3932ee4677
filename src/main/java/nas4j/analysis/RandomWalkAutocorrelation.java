package nas4j.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random-walk autocorrelation (RWA) of mean validation accuracy: the Pearson correlation of the accuracies of
 * the cells visited at steps t and t+k of random single-edit walks ({@link RandomWalks}), pooled over all walks
 * and all t, for lags k = 1..maxLag. Immutable.
 *
 * <p>Noise level: for an uncorrelated sequence the autocorrelation estimate from N pairs lies within ±2/√N with
 * about 95 % probability ({@code noiseBand}); as an empirical check, the same estimate on the walk values
 * shuffled across all walks ({@code shuffledAutocorrelation}) is reported too. The RWA "falls to noise" at the
 * first lag whose autocorrelation is below the band ({@code fallsToNoiseAtLag}, −1 if it stays above up to
 * maxLag or is undefined). On a landscape without variance (constant) every correlation is NaN.
 *
 * @param walks number of walks
 * @param walkLength recorded steps per walk
 * @param burnIn discarded steps per walk
 * @param truncatedWalks walks that stopped early at a spec without neighbours
 * @param visits cells visited in the recorded parts
 * @param lags one row per lag 1..maxLag
 * @param fallsToNoiseAtLag first lag below the noise band, or −1
 */
public record RandomWalkAutocorrelation(int walks, int walkLength, int burnIn, int truncatedWalks, long visits,
    List<Lag> lags, int fallsToNoiseAtLag) {

  public RandomWalkAutocorrelation {
    lags = List.copyOf(lags);
  }

  /** One lag: number of pairs, autocorrelation, noise band 2/√pairs, and the shuffled walks' autocorrelation. */
  public record Lag(int lag, long pairs, double autocorrelation, double noiseBand, double shuffledAutocorrelation) {}

  /** The RWA of {@code values} along the walks; the shuffle uses {@code seed}. */
  public static RandomWalkAutocorrelation compute(LandscapeValues values, RandomWalks walks, int maxLag, long seed) {
    if (maxLag < 1) {
      throw new IllegalArgumentException("max lag must be at least 1; got " + maxLag);
    }
    double[][] series = walks.ids().stream().map(ids -> {
      double[] x = new double[ids.length];
      for (int k = 0; k < ids.length; k++) {
        x[k] = values.validation(ids[k]);
      }
      return x;
    }).toArray(double[][]::new);
    double[][] shuffled = shuffle(series, new SplittableRandom(seed));
    List<Lag> lags = new ArrayList<>();
    int falls = -1;
    for (int k = 1; k <= maxLag; k++) {
      Pearson p = autocorrelation(series, k);
      Pearson q = autocorrelation(shuffled, k);
      double r = p.correlation();
      double band = p.count() == 0 ? Double.NaN : 2 / Math.sqrt(p.count());
      lags.add(new Lag(k, p.count(), r, band, q.correlation()));
      if (falls < 0 && !Double.isNaN(r) && r < band) {
        falls = k;
      }
    }
    return new RandomWalkAutocorrelation(walks.walks(), walks.walkLength(), walks.burnIn(), walks.truncatedWalks(),
        walks.visits(), lags, falls);
  }

  private static Pearson autocorrelation(double[][] series, int lag) {
    Pearson p = new Pearson();
    for (double[] s : series) {
      for (int t = 0; t + lag < s.length; t++) {
        p.add(s[t], s[t + lag]);
      }
    }
    return p;
  }

  /** All values shuffled across walks (Fisher–Yates), cut back into walks of the same lengths. */
  private static double[][] shuffle(double[][] series, SplittableRandom rng) {
    int total = 0;
    for (double[] s : series) {
      total += s.length;
    }
    double[] all = new double[total];
    int k = 0;
    for (double[] s : series) {
      System.arraycopy(s, 0, all, k, s.length);
      k += s.length;
    }
    for (int i = total - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    double[][] out = new double[series.length][];
    k = 0;
    for (int w = 0; w < series.length; w++) {
      out[w] = Arrays.copyOfRange(all, k, k + series[w].length);
      k += series[w].length;
    }
    return out;
  }
}
