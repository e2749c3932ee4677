package nas4j.analysis;

/**
 * Settings of a landscape analysis. Immutable.
 *
 * @param epochs epoch budget whose values are analysed
 * @param seed seed of every random choice (walk starts and steps, random pairs, shuffles)
 * @param walks number of random walks (shared by RWA and locality)
 * @param walkLength recorded steps per walk
 * @param burnIn steps discarded at the start of each walk
 * @param maxLag largest RWA lag
 * @param localityStride every stride-th visited cell of a walk starts locality pairs
 * @param localitySteps a start is paired with the cells 1..localitySteps steps later
 * @param maxDistance largest edit distance reported
 * @param randomPairs uniformly random pairs of the locality baseline
 */
public record AnalysisOptions(int epochs, long seed, int walks, int walkLength, int burnIn, int maxLag,
    int localityStride, int localitySteps, int maxDistance, int randomPairs) {

  public AnalysisOptions {
    check(walks, "walks");
    check(walkLength, "walk length");
    check(maxLag, "max lag");
    check(localityStride, "locality stride");
    check(localitySteps, "locality steps");
    check(maxDistance, "max distance");
    if (burnIn < 0) {
      throw new IllegalArgumentException("burn-in must be at least 0; got " + burnIn);
    }
    if (randomPairs < 2) {
      throw new IllegalArgumentException("random pairs must be at least 2; got " + randomPairs);
    }
    if (maxLag >= walkLength) {
      throw new IllegalArgumentException("max lag " + maxLag + " must be below the walk length " + walkLength);
    }
  }

  private static void check(int v, String what) {
    if (v < 1) {
      throw new IllegalArgumentException(what + " must be at least 1; got " + v);
    }
  }

  /**
   * The defaults: 108 epochs, seed 1, 100 walks × 1,000 recorded steps after 100 burn-in steps, lags 1..20,
   * locality pairs from every 16th visit to the 16 following, distances 1..8, 10,000 random pairs.
   */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(108, 1, 100, 1000, 100, 20, 16, 16, 8, 10_000);
  }
}
