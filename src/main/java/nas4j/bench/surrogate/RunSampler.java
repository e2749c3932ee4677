package nas4j.bench.surrogate;

import java.util.SplittableRandom;
import nas4j.bench.Metric;
import nas4j.space.ModuleHash;

/**
 * Turns a cell's predicted means into its 4 budgets × 3 repeats × 8 metrics, with noise drawn from a
 * {@link SplittableRandom} seeded by the cell's module hash, in a fixed order, so the same cell always gets the
 * same numbers on any JVM (only {@code StrictMath} and exact IEEE arithmetic are used).
 *
 * <p>Per budget: the three validation repeats are {@code mean + σ·(z_r − z̄)} with standard normal {@code z_r},
 * so the mean over the repeats is the stored mean itself (unless a value was clamped) and the repeats' sample
 * standard deviation estimates σ, as the pooled within-cell estimate it comes from does. At 108 epochs σ depends
 * on the cell's level ({@link LevelNoise}) and the test repeats follow the validation repeats around the cell's
 * stored mean test accuracy; at 4, 12 and 36 epochs σ is the {@link NoiseModel}'s pooled value, shrunk linearly
 * for cells near chance level, and test, train and halfway values and times follow the {@link NoiseModel}
 * relations. A cell whose mean at 108 epochs is below {@link NoiseModel#BROKEN_THRESHOLD} is broken: its mean at
 * every smaller budget is at most its 108-epoch mean, and its train accuracy equals its validation accuracy.
 * Stateless apart from the model; thread-safe.
 */
final class RunSampler {
  static final int BUDGETS = 4;
  static final int REPEATS = 3;
  private static final long SALT = 0x6E6173346A537572L; // "nas4jSur"
  private final NoiseModel m;
  private final LevelNoise level;

  RunSampler(NoiseModel m, LevelNoise level) {
    this.m = m;
    this.level = level;
  }

  /** The seed of a cell's generator. */
  static long seed(ModuleHash h) {
    return h.high() ^ Long.rotateLeft(h.low(), 23) ^ SALT;
  }

  /**
   * Fills {@code out[(b * REPEATS + r) * 8 + metric.ordinal()]} for one cell.
   *
   * @param meanValidation predicted mean final validation accuracy per budget index
   * @param meanTest108 mean final test accuracy at 108 epochs
   * @param meanTime108 predicted mean training time at 108 epochs
   */
  void sample(ModuleHash hash, double[] meanValidation, double meanTest108, double meanTime108, double[] out) {
    SplittableRandom rng = new SplittableRandom(seed(hash));
    double[] g = new double[2];
    int[] have = {0};
    double[] z = new double[REPEATS];
    double[] w = new double[REPEATS];
    double mu108 = meanValidation[BUDGETS - 1];
    boolean broken = mu108 < NoiseModel.BROKEN_THRESHOLD;
    for (int b = 0; b < BUDGETS; b++) {
      boolean top = b == BUDGETS - 1;
      double mu = broken ? Math.min(meanValidation[b], mu108) : meanValidation[b];
      double sigma;
      if (top) {
        sigma = level.std(mu);
      } else {
        double ref = m.referenceValidation()[b];
        sigma = m.validationRepeatStd()[b] * clamp((mu - NoiseModel.CHANCE) / (ref - NoiseModel.CHANCE), 0, 1);
      }
      double zMean = 0;
      double wMean = 0;
      for (int r = 0; r < REPEATS; r++) {
        z[r] = gauss(rng, g, have);
        w[r] = gauss(rng, g, have);
        zMean += z[r] / REPEATS;
        wMean += w[r] / REPEATS;
      }
      double meanTime = top ? meanTime108 : m.timeIntercept()[b] + m.timeSlope()[b] * meanTime108;
      for (int r = 0; r < REPEATS; r++) {
        double dev = sigma * (z[r] - zMean);
        double val = clamp(mu + dev, 0, 1);
        double test = top
            ? clamp(meanTest108 + level.testCoupling() * dev + level.testRepeatStd() * (w[r] - wMean), 0, 1)
            : clamp(val + m.testMinusValidation()[b] + m.testMinusValidationStd()[b] * w[r], 0, 1);
        double trainRatio = Math.max(0, m.trainErrorRatio()[b] + m.trainErrorRatioStd()[b] * gauss(rng, g, have));
        double train = broken ? val : clamp(1 - (1 - val) * trainRatio, 0, 1);
        double hRatio = Math.max(0, m.halfwayValidationRatio()[b]
            + m.halfwayValidationRatioStd()[b] * gauss(rng, g, have));
        double hVal = clamp(Math.max(Math.min(val, NoiseModel.CHANCE), val * hRatio), 0, 1);
        double hTest = clamp(hVal + m.halfwayTestMinusValidation()[b]
            + m.halfwayTestMinusValidationStd()[b] * gauss(rng, g, have), 0, 1);
        double hTrainRatio = Math.max(0, m.halfwayTrainErrorRatio()[b]
            + m.halfwayTrainErrorRatioStd()[b] * gauss(rng, g, have));
        double hTrain = broken ? hVal : clamp(1 - (1 - hVal) * hTrainRatio, 0, 1);
        double time = meanTime * Math.max(0.5, 1 + m.timeRepeatCv()[b] * gauss(rng, g, have));
        double hTime = time * clamp(m.halfwayTimeRatio()[b] + m.halfwayTimeRatioStd()[b] * gauss(rng, g, have),
            0.25, 0.75);
        int o = (b * REPEATS + r) * 8;
        out[o + Metric.HALFWAY_TRAINING_TIME.ordinal()] = hTime;
        out[o + Metric.HALFWAY_TRAIN_ACCURACY.ordinal()] = hTrain;
        out[o + Metric.HALFWAY_VALIDATION_ACCURACY.ordinal()] = hVal;
        out[o + Metric.HALFWAY_TEST_ACCURACY.ordinal()] = hTest;
        out[o + Metric.FINAL_TRAINING_TIME.ordinal()] = time;
        out[o + Metric.FINAL_TRAIN_ACCURACY.ordinal()] = train;
        out[o + Metric.FINAL_VALIDATION_ACCURACY.ordinal()] = val;
        out[o + Metric.FINAL_TEST_ACCURACY.ordinal()] = test;
      }
    }
  }

  private static double clamp(double x, double lo, double hi) {
    return x < lo ? lo : x > hi ? hi : x;
  }

  /** Standard normal by the polar method (StrictMath only), two values per accepted pair. */
  private static double gauss(SplittableRandom rng, double[] spare, int[] have) {
    if (have[0] == 1) {
      have[0] = 0;
      return spare[0];
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spare[0] = v * f;
    have[0] = 1;
    return u * f;
  }
}
