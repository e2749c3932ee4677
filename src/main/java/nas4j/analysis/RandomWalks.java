package nas4j.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;
import nas4j.space.Neighbours;
import nas4j.space.SpaceIndex;
import nas4j.space.ValidityRule;

/**
 * Random walks of single edits in the 7-vertex (26-variable) encoding, shared by the RWA and the locality
 * statistics. A walk starts from a spec of the paper's matrix sampler and at every step moves to a uniformly
 * random element of {@link Neighbours#of} of the current raw spec (the distinct valid cells other than the
 * current one, so every step changes the cell). The state is the raw spec, dangling vertices included, which
 * keeps every step reversible. The first {@code burnIn} steps are discarded so that the recorded part is close to
 * the walk's stationary distribution rather than the sampler's. Immutable.
 *
 * <p>Why not walk on the canonical (pruned) cells: there an edit can remove a vertex but never add one, so walks
 * drift to ever smaller cells and stop in the 2-vertex cell, which has no neighbour at all.
 *
 * @param walkLength steps recorded per walk
 * @param burnIn steps discarded before recording
 * @param ids per walk, the cell ids visited after the burn-in (length walkLength + 1, or shorter if the walk met
 *     a spec without neighbours)
 * @param truncatedWalks walks that stopped early
 */
public record RandomWalks(int walkLength, int burnIn, List<int[]> ids, int truncatedWalks) {

  public RandomWalks {
    ids = List.copyOf(ids);
  }

  /** Number of walks. */
  public int walks() {
    return ids.size();
  }

  /** Cells visited in the recorded parts. */
  public long visits() {
    return ids.stream().mapToLong(a -> a.length).sum();
  }

  /**
   * Runs the walks in parallel; walk w uses the w-th generator split in order from {@code seed}, so the result
   * depends on the seed only.
   */
  public static RandomWalks run(SpaceIndex space, int walks, int walkLength, int burnIn, long seed) {
    if (walks < 1 || walkLength < 1 || burnIn < 0) {
      throw new IllegalArgumentException("walks need count ≥ 1, length ≥ 1 and burn-in ≥ 0; got " + walks + ", "
          + walkLength + ", " + burnIn);
    }
    SplittableRandom[] g = generators(seed, walks);
    int[][] ids = IntStream.range(0, walks).parallel().mapToObj(w -> one(space, g[w], walkLength, burnIn))
        .toArray(int[][]::new);
    int truncated = (int) Arrays.stream(ids).filter(a -> a.length < walkLength + 1).count();
    return new RandomWalks(walkLength, burnIn, Arrays.asList(ids), truncated);
  }

  private static int[] one(SpaceIndex space, SplittableRandom rng, int steps, int burnIn) {
    CellSpec spec = MatrixSampler.sample(rng, ValidityRule.API);
    int[] ids = new int[steps + 1];
    int id = space.idOf(spec);
    for (int k = 0; k < burnIn + steps; k++) {
      if (k >= burnIn) {
        ids[k - burnIn] = id;
      }
      List<Neighbours.Neighbour> ns = Neighbours.of(spec, space);
      if (ns.isEmpty()) {
        return Arrays.copyOf(ids, Math.max(0, k - burnIn + 1));
      }
      Neighbours.Neighbour n = ns.get(rng.nextInt(ns.size()));
      spec = n.spec();
      id = n.cellId();
    }
    ids[steps] = id;
    return ids;
  }

  /** Independent generators for {@code n} tasks, split in order from one seed (thread-count independent). */
  static SplittableRandom[] generators(long seed, int n) {
    SplittableRandom master = new SplittableRandom(seed);
    SplittableRandom[] g = new SplittableRandom[n];
    for (int i = 0; i < n; i++) {
      g[i] = master.split();
    }
    return g;
  }
}
