package nas4j.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nas4j.bench.Benchmark;

/** Runs every landscape statistic of {@link LandscapeReport}. Stateless and thread-safe. */
public final class LandscapeAnalysis {
  /** Role of the benchmark's own values. */
  public static final String BENCHMARK = "benchmark";
  /** Role of the real sample's values. */
  public static final String SAMPLE = "sample";
  /** Role of the benchmark's values on the sample's cells only. */
  public static final String BENCHMARK_ON_SAMPLE = "benchmark_on_sample";

  private LandscapeAnalysis() {}

  /**
   * Analyses a benchmark and, if {@code sample} is not null, the statistics a partial table of real values
   * supports (operation effects on pairs with both cells in the sample, shape effects, distribution), together
   * with the benchmark's values on the same cells.
   */
  public static LandscapeReport run(Benchmark benchmark, LandscapeValues sample, AnalysisOptions o) {
    List<LandscapeReport.Timing> times = new ArrayList<>();
    LandscapeValues values = timed(times, "values", () -> LandscapeValues.of(benchmark, o.epochs()));
    if (sample != null && sample.space() != values.space()) {
      throw new IllegalArgumentException("sample and benchmark use different space indexes");
    }
    RandomWalks walks = timed(times, "walks", () -> RandomWalks.run(values.space(), o.walks(), o.walkLength(),
        o.burnIn(), o.seed()));
    RandomWalkAutocorrelation rwa = timed(times, "rwa", () -> RandomWalkAutocorrelation.compute(values, walks,
        o.maxLag(), o.seed() + 1));
    Locality locality = timed(times, "locality", () -> Locality.compute(values, walks, o.localityStride(),
        o.localitySteps(), o.maxDistance(), o.randomPairs(), o.seed() + 2));
    List<LandscapeReport.SourceStats> sources = new ArrayList<>();
    sources.add(timed(times, "benchmark_statistics", () -> stats(BENCHMARK, values)));
    if (sample != null) {
      sources.add(timed(times, "sample_statistics", () -> stats(SAMPLE, sample)));
      sources.add(timed(times, "benchmark_on_sample_statistics",
          () -> stats(BENCHMARK_ON_SAMPLE, values.restrictedTo(sample, values.source() + " on " + sample.source()))));
    }
    return new LandscapeReport(benchmark.identity(), benchmark.isSurrogate(), o, rwa, locality, sources, times);
  }

  /** Operation effects, shape effects and distribution of one source of values. */
  public static LandscapeReport.SourceStats stats(String role, LandscapeValues v) {
    return new LandscapeReport.SourceStats(role, v.source(), v.count(), OperationEffects.compute(v),
        ShapeEffects.compute(v), Distribution.compute(v));
  }

  private static <T> T timed(List<LandscapeReport.Timing> times, String part, Supplier<T> f) {
    long t0 = System.nanoTime();
    T r = f.get();
    times.add(new LandscapeReport.Timing(part, (System.nanoTime() - t0) / 1e9));
    return r;
  }
}
