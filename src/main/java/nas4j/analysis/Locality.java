package nas4j.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas4j.space.EditDistance;
import nas4j.space.SpaceIndex;

/**
 * Locality: how alike the mean validation accuracies of two cells are as a function of their edit distance.
 * Immutable.
 *
 * <p>Sampling pairs at an exact distance: along the recorded part of each random walk ({@link RandomWalks}),
 * every {@code stride}-th visited cell is a start and is paired with the cells visited 1..{@code maxSteps} steps
 * later; the true {@link EditDistance} of every such pair is computed and the pair is binned by it (distances
 * 1..maxDistance kept; a pair of isomorphic cells, distance 0, is dropped). Per distance: the number of pairs,
 * the mean absolute difference in accuracy points (percentage points, ×100) and the Pearson correlation of the
 * (start, later) accuracies. Baseline: {@code randomPairs} pairs of cells drawn uniformly from the cells with
 * values, with their mean edit distance.
 */
public record Locality(int starts, int maxSteps, List<Row> rows, Row random, double randomMeanDistance) {

  public Locality {
    rows = List.copyOf(rows);
  }

  /** One distance bin (distance −1 for the random baseline). */
  public record Row(int distance, long pairs, double meanAbsDifferencePoints, double correlation) {}

  /** Bins the walk pairs by edit distance (distances in parallel; the result depends on the inputs only). */
  public static Locality compute(LandscapeValues values, RandomWalks walks, int stride, int maxSteps,
      int maxDistance, int randomPairs, long seed) {
    if (stride < 1 || maxSteps < 1 || maxDistance < 1 || randomPairs < 2) {
      throw new IllegalArgumentException("locality needs stride ≥ 1, max steps ≥ 1, max distance ≥ 1 and "
          + "random pairs ≥ 2; got " + stride + ", " + maxSteps + ", " + maxDistance + ", " + randomPairs);
    }
    SpaceIndex space = values.space();
    List<int[]> starts = new ArrayList<>(); // (walk, position)
    for (int w = 0; w < walks.walks(); w++) {
      int len = walks.ids().get(w).length;
      for (int t = 0; t + 1 < len; t += stride) {
        starts.add(new int[] {w, t});
      }
    }
    int[][] dist = IntStream.range(0, starts.size()).parallel().mapToObj(i -> {
      int[] ids = walks.ids().get(starts.get(i)[0]);
      int t = starts.get(i)[1];
      int m = Math.min(maxSteps, ids.length - 1 - t);
      int[] d = new int[m];
      for (int k = 1; k <= m; k++) {
        d[k - 1] = EditDistance.between(space.cell(ids[t]), space.cell(ids[t + k]));
      }
      return d;
    }).toArray(int[][]::new);
    Pearson[] bins = new Pearson[maxDistance + 1];
    for (int d = 1; d <= maxDistance; d++) {
      bins[d] = new Pearson();
    }
    for (int i = 0; i < starts.size(); i++) {
      int[] ids = walks.ids().get(starts.get(i)[0]);
      int t = starts.get(i)[1];
      for (int k = 1; k <= dist[i].length; k++) {
        int d = dist[i][k - 1];
        if (d >= 1 && d <= maxDistance) {
          bins[d].add(values.validation(ids[t]), values.validation(ids[t + k]));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int d = 1; d <= maxDistance; d++) {
      rows.add(row(d, bins[d]));
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int n = values.count();
    int[][] pairs = new int[randomPairs][];
    for (int i = 0; i < randomPairs; i++) {
      pairs[i] = new int[] {values.idAt(rng.nextInt(n)), values.idAt(rng.nextInt(n))};
    }
    int[] rd = IntStream.range(0, randomPairs).parallel()
        .map(i -> EditDistance.between(space.cell(pairs[i][0]), space.cell(pairs[i][1]))).toArray();
    Pearson rp = new Pearson();
    long sumD = 0;
    for (int i = 0; i < randomPairs; i++) {
      rp.add(values.validation(pairs[i][0]), values.validation(pairs[i][1]));
      sumD += rd[i];
    }
    return new Locality(starts.size(), maxSteps, rows, row(-1, rp), (double) sumD / randomPairs);
  }

  private static Row row(int d, Pearson p) {
    return new Row(d, p.count(), 100 * p.meanAbsDifference(), p.correlation());
  }
}
