package nas4j.jmh;

import java.util.concurrent.TimeUnit;
import nas4j.analysis.LandscapeValues;
import nas4j.analysis.OperationEffects;
import nas4j.analysis.RandomWalks;
import nas4j.bench.surrogate.SurrogateBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
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
 * Speed of the two expensive parts of {@code nas4j analyze}: operation effects over the full space (2.7 million
 * look-ups) and the default random walks (100 × 1,100 steps). Goal: the whole default analysis ≤ 60 s on 2
 * cores. Run: {@code scripts/jmh.sh AnalysisBench} or the JMH main with this regex.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AnalysisBench {
  LandscapeValues values;

  @Setup
  public void setup() {
    values = LandscapeValues.of(SurrogateBenchmark.load(), 108);
  }

  @Benchmark
  public OperationEffects operationEffectsFullSpace() {
    return OperationEffects.compute(values);
  }

  @Benchmark
  public RandomWalks defaultWalks() {
    return RandomWalks.run(values.space(), 100, 1000, 100, 1);
  }
}
