package nas4j.bench.surrogate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The level-dependent part of the surrogate's noise at 108 epochs (surrogate v2). Repeats of real cells spread
 * less at the top than in the middle, and hardly at all for cells that do not learn: the standard deviation of
 * the validation repeats is a piecewise-linear function of the cell's mean, through the pooled within-cell
 * standard deviations {@code stds[i]} of the complete records grouped by level ({@code levels[i]} is the
 * group's mean level); constant above the last level; below the first it shrinks linearly to zero at chance
 * level (0.1). A test repeat follows its validation repeat: {@code test_r = T + coupling·(val_r − μ) + e_r},
 * {@code e_r} of standard deviation {@code testRepeatStd}, with {@code T} the cell's mean test accuracy
 * (stored per cell in the resource). Immutable.
 *
 * @param levels group mean levels, increasing
 * @param stds pooled within-cell standard deviation of final validation accuracy per group
 * @param testCoupling least-squares slope of a test repeat's deviation on its validation repeat's deviation
 * @param testRepeatStd standard deviation of the rest of a test repeat's deviation
 */
public record LevelNoise(double[] levels, double[] stds, double testCoupling, double testRepeatStd) {

  public LevelNoise {
    if (levels.length < 1 || levels.length != stds.length) {
      throw new IllegalArgumentException("levels and stds must be equally long and not empty");
    }
    levels = levels.clone();
    stds = stds.clone();
  }

  /** The repeat standard deviation of final validation accuracy at 108 epochs for a cell of mean {@code mu}. */
  public double std(double mu) {
    int last = levels.length - 1;
    if (mu <= levels[0]) {
      double shrink = (mu - NoiseModel.CHANCE) / (levels[0] - NoiseModel.CHANCE);
      return stds[0] * Math.min(1, Math.max(0, shrink));
    }
    if (mu >= levels[last]) {
      return stds[last];
    }
    int i = 0;
    while (mu > levels[i + 1]) {
      i++;
    }
    double t = (mu - levels[i]) / (levels[i + 1] - levels[i]);
    return stds[i] + t * (stds[i + 1] - stds[i]);
  }

  /** The parameters as ordered {@code key → value(s)} for the resource and the fit report. */
  public Map<String, String> toProperties() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("level.levels", NoiseModel.join(levels));
    m.put("level.stds", NoiseModel.join(stds));
    m.put("level.test_coupling", Double.toString(testCoupling));
    m.put("level.test_repeat_std", Double.toString(testRepeatStd));
    return m;
  }

  /** Reads what {@link #toProperties()} wrote; errors name {@code source} and the key. */
  public static LevelNoise fromProperties(Map<String, String> p, String source) throws IOException {
    double[] levels = NoiseModel.split(p, "level.levels", source);
    double[] stds = NoiseModel.split(p, "level.stds", source);
    if (levels.length != stds.length) {
      throw new IOException(source + ": level.levels and level.stds differ in length");
    }
    for (int i = 1; i < levels.length; i++) {
      if (!(levels[i] > levels[i - 1])) {
        throw new IOException(source + ": level.levels must increase");
      }
    }
    return new LevelNoise(levels, stds, NoiseModel.split(p, "level.test_coupling", source)[0],
        NoiseModel.split(p, "level.test_repeat_std", source)[0]);
  }
}
