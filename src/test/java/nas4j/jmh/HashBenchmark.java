package nas4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nas4j.space.CellHasher;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;
import nas4j.space.ValidityRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one module hash of a 7-vertex cell: computed (57 MD5 digests) by {@link CellHasher}, and looked up in
 * the {@link SpaceIndex}. Run: {@code scripts/jmh.sh HashBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HashBenchmark {
  static final int CELLS = 1024;

  /** Canonical 7-vertex cells, uniformly drawn among the 359,082 of the space. */
  CellSpec[] cells = new CellSpec[CELLS];
  /** Their hashes. */
  ModuleHash[] hashes = new ModuleHash[CELLS];
  /** Valid raw 7×7 draws of the paper's sampler (many need pruning), as 26-variable encodings. */
  int[] rawEdges = new int[CELLS];
  int[][] rawOps = new int[CELLS][];
  int next;

  SpaceIndex space;
  final CellHasher hasher = new CellHasher();

  @Setup(Level.Trial)
  public void setUp() {
    space = SpaceIndex.shared();
    SplittableRandom rnd = new SplittableRandom(42);
    int k = 0;
    while (k < CELLS) {
      int id = rnd.nextInt(space.size());
      if (space.vertexCount(id) == 7) {
        cells[k] = space.cell(id);
        hashes[k] = space.hash(id);
        k++;
      }
    }
    k = 0;
    while (k < CELLS) {
      CellSpec c = MatrixSampler.draw(rnd);
      if (ValidityRule.API.isValid(c)) {
        rawEdges[k] = c.edgeEncoding();
        rawOps[k] = c.opEncoding();
        k++;
      }
    }
  }

  private int nextIndex() {
    next = (next + 1) & (CELLS - 1);
    return next;
  }

  /** Full MD5 computation of the fingerprint (the cell is already pruned). */
  @Benchmark
  public ModuleHash computedHash() {
    return hasher.hash(cells[nextIndex()]);
  }

  /** Table look-up of a cell's hash: validity check, (cached) pruning, id, hash. */
  @Benchmark
  public ModuleHash lookedUpHash() {
    return space.hashOf(cells[nextIndex()]);
  }

  /** Hash → dense id. */
  @Benchmark
  public int idOfHash() {
    return space.idOf(hashes[nextIndex()]);
  }

  /** A fresh raw 7×7 spec from its encoding, pruned, checked and looked up: what a search strategy pays. */
  @Benchmark
  public ModuleHash lookedUpHashOfFreshRawSpec() {
    int i = nextIndex();
    return space.hashOf(CellSpec.fromEncoding(rawEdges[i], rawOps[i]));
  }

  /** A fresh raw 7×7 spec from its encoding, pruned, checked and hashed by MD5. */
  @Benchmark
  public ModuleHash computedHashOfFreshRawSpec() {
    int i = nextIndex();
    return hasher.hash(CellSpec.fromEncoding(rawEdges[i], rawOps[i]));
  }
}
