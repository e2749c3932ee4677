package nas4j.bench.surrogate;

import java.util.SplittableRandom;
import nas4j.bench.Metric;
import nas4j.space.ModuleHash;

/**
 * Turns a cell's predicted means into its 4 budgets × 3 repeats × 8 metrics, with noise drawn from a
 * {@link SplittableRandom} seeded by the cell's module hash, in a fixed order, so the same cell always gets the
 * same numbers on any JVM (only {@code StrictMath} and exact IEEE arithmetic are used).
 *
 * <p>Per budget: the three validation repeats are {@code mean + σ·s·z_r} with the {@code z_r} centred over the
 * repeats (scaled by √(3/2) to keep σ), so the mean over the repeats is the prediction itself unless a value was
 * clamped or the run is broken; {@code s} shrinks the noise linearly for cells near chance level. Test, train
 * and halfway values and times then follow the {@link NoiseModel} relations. A broken cell (a share
 * {@link NoiseModel#brokenRate()} of cells, decided by the cell's generator) draws one accuracy from the
 * broken-run quantiles; its mean validation accuracy at every budget becomes the smaller of that and its
 * prediction, and its train accuracy equals its validation accuracy.
 * Stateless apart from the model; thread-safe.
 */
final class RunSampler {
  static final int BUDGETS = 4;
  static final int REPEATS = 3;
  private static final long SALT = 0x6E6173346A537572L; // "nas4jSur"
  private static final double CENTRED_SCALE = StrictMath.sqrt(1.5);
  private final NoiseModel m;

  RunSampler(NoiseModel m) {
    this.m = m;
  }

  /** The seed of a cell's generator. */
  static long seed(ModuleHash h) {
    return h.high() ^ Long.rotateLeft(h.low(), 23) ^ SALT;
  }

  /**
   * Fills {@code out[(b * REPEATS + r) * 8 + metric.ordinal()]} for one cell.
   *
   * @param meanValidation predicted mean final validation accuracy per budget index
   * @param meanTime108 predicted mean training time at 108 epochs
   */
  void sample(ModuleHash hash, double[] meanValidation, double meanTime108, double[] out) {
    SplittableRandom rng = new SplittableRandom(seed(hash));
    double[] g = new double[2];
    int[] have = {0};
    double[] z = new double[REPEATS];
    boolean broken = rng.nextDouble() < m.brokenRate();
    double brokenValue = brokenValue(rng.nextDouble());
    for (int b = 0; b < BUDGETS; b++) {
      double mu = broken ? Math.min(meanValidation[b], brokenValue) : meanValidation[b];
      double ref = m.referenceValidation()[b];
      double shrink = clamp((mu - NoiseModel.CHANCE) / (ref - NoiseModel.CHANCE), 0, 1);
      double sigma = m.validationRepeatStd()[b] * shrink;
      double zMean = 0;
      for (int r = 0; r < REPEATS; r++) {
        z[r] = gauss(rng, g, have);
        zMean += z[r] / REPEATS;
      }
      double meanTime = b == BUDGETS - 1 ? meanTime108 : m.timeIntercept()[b] + m.timeSlope()[b] * meanTime108;
      for (int r = 0; r < REPEATS; r++) {
        double val = clamp(mu + sigma * (z[r] - zMean) * CENTRED_SCALE, 0, 1);
        double test = clamp(val + m.testMinusValidation()[b] + m.testMinusValidationStd()[b] * gauss(rng, g, have),
            0, 1);
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

  /** The broken-run accuracy at uniform {@code u}: linear interpolation in the quantile table. */
  double brokenValue(double u) {
    double[] q = m.brokenQuantiles();
    double pos = u * (q.length - 1);
    int lo = Math.min((int) pos, q.length - 2);
    return q[lo] + (pos - lo) * (q[lo + 1] - q[lo]);
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
