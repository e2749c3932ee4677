package nas4j.analysis;

/**
 * Values published in the NAS-Bench-101 paper (Ying et al., ICML 2019, section 5) for comparison. Constants.
 */
public final class PaperValues {
  private PaperValues() {}

  /** conv3x3 → conv1x1: change of mean validation accuracy, points. */
  public static final double CONV3_TO_CONV1_ACCURACY_POINTS = -1.16;
  /** conv3x3 → conv1x1: change of training time, %. */
  public static final double CONV3_TO_CONV1_TIME_PERCENT = -14.11;
  /** conv3x3 → maxpool3x3: change of mean validation accuracy, points. */
  public static final double CONV3_TO_MAXPOOL_ACCURACY_POINTS = -1.99;
  /** conv3x3 → maxpool3x3: change of training time, %. */
  public static final double CONV3_TO_MAXPOOL_TIME_PERCENT = -9.84;
  /** The edit distance at which the RWA reaches the noise level (approximate). */
  public static final int RWA_NOISE_DISTANCE = 6;
}
