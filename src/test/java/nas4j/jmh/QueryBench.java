package nas4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.NasBench;
import nas4j.bench.QueryResult;
import nas4j.bench.RepeatPolicy;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.space.CellSpec;
import nas4j.space.SpaceIndex;
import nas4j.space.ValidityRule;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query latency over a complete (synthetic, all 423,624 cells) table: goals ≤ 0.2 µs by id and ≤ 3 µs by
 * {@link CellSpec} (validity check, pruning and hash look-up included). Run: {@code scripts/jmh.sh QueryBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class QueryBench {
  private static final int N = 1 << 14;
  private Benchmark bench;
  private NasBench nb;
  private int[] ids;
  private int[] edgeBits;
  private int[][] ops;
  private CellSpec[] specs;
  private int i;

  @Setup
  public void setup() {
    SpaceIndex space = SpaceIndex.shared();
    bench = SyntheticBenchmarks.create(space, new int[] {108}, 1, 1);
    nb = new NasBench(bench, RepeatPolicy.SAMPLE, new SplittableRandom(1));
    SplittableRandom rng = new SplittableRandom(2);
    ids = new int[N];
    edgeBits = new int[N];
    ops = new int[N][];
    specs = new CellSpec[N];
    for (int k = 0; k < N; k++) {
      ids[k] = rng.nextInt(space.size());
      // a uniformly random valid 7-vertex spec (the paper's rejection sampler), as a strategy would propose it
      while (true) {
        int bits = rng.nextInt(1 << CellSpec.EDGE_VARIABLES);
        int[] o = new int[CellSpec.OP_VARIABLES];
        for (int v = 0; v < o.length; v++) {
          o[v] = rng.nextInt(3);
        }
        CellSpec s = CellSpec.fromEncoding(bits, o);
        if (ValidityRule.API.isValid(s)) {
          edgeBits[k] = bits;
          ops[k] = o;
          specs[k] = CellSpec.fromEncoding(bits, o);
          break;
        }
      }
    }
  }

  /** The official query by dense id: repeat sampled, counters charged, result record built. */
  @org.openjdk.jmh.annotations.Benchmark
  public QueryResult queryById() {
    return nb.query(ids[i++ & (N - 1)], 108, false);
  }

  /** One raw value by id (the columnar store itself). */
  @org.openjdk.jmh.annotations.Benchmark
  public double valueById() {
    return bench.value(ids[i++ & (N - 1)], 108, 1, Metric.FINAL_VALIDATION_ACCURACY);
  }

  /** Query by a freshly built CellSpec: construction, validity, pruning, hash look-up and query. */
  @org.openjdk.jmh.annotations.Benchmark
  public QueryResult queryByNewSpec() {
    int k = i++ & (N - 1);
    return nb.query(CellSpec.fromEncoding(edgeBits[k], ops[k]), 108, false);
  }

  /** Query by an existing CellSpec object (its pruning may be cached in the object). */
  @org.openjdk.jmh.annotations.Benchmark
  public QueryResult queryBySpec() {
    return nb.query(specs[i++ & (N - 1)], 108, false);
  }
}
