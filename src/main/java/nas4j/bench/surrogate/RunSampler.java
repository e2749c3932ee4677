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
  /**
   * The highest single-repeat validation accuracy at 4, 12 and 36 epochs among the 20,000 real cells of
   * {@code data/nb101/sample-20k.csv}: above its budget's reference level a cell's repeat spread falls linearly to
   * {@link #TOP_REPEAT_STD} there. With one pooled spread per budget (v2), cells near the top of a low budget drew
   * repeats far above any real value (up to 1.0 at 4 and 12 epochs, 0.954 at the 99.99th percentile at 12 epochs
   * against a real maximum of 0.878), which a multi-fidelity search then kept as its best result. An upward
   * deviation at these budgets also saturates smoothly below the real top plus two top spreads (the real repeats'
   * spread comes from runs that fail low, not from runs far above their cell's level).
   */
  static final double[] REAL_TOP = {0.7226, 0.8779, 0.9364};
  /**
   * The repeat spread (sample standard deviation of the 3 validation repeats) of the best of the complete records
   * at 4, 12 and 36 epochs: the real spread shrinks near the top of every budget (4 epochs: 0.13 at mean 0.32, 0.02
   * at 0.71; 12 epochs: 0.095 at 0.70, 0.008 at 0.88; 36 epochs: 0.003 at 0.93).
   */
  static final double[] TOP_REPEAT_STD = {0.020, 0.008, 0.003};

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
        if (mu > ref) { // v2.1: the spread shrinks towards the budget's real top, as at 108 epochs
          sigma = Math.max(TOP_REPEAT_STD[b], sigma * clamp((REAL_TOP[b] - mu) / (REAL_TOP[b] - ref), 0, 1));
        }
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
        if (!top && dev > 0) { // v2.1: upward luck saturates below the budget's real top (real repeats fail low)
          double room = Math.max(REAL_TOP[b], mu) + 2 * TOP_REPEAT_STD[b] - mu;
          dev = room * -StrictMath.expm1(-dev / room);
        }
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
