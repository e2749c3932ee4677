package nas4j.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.surrogate.SurrogateBenchmark;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;
import nas4j.search.StrategyRegistry;
import nas4j.space.ValidityRule;

/**
 * Companion of {@link Fig7RunBenchmark} for loaded machines: the thread CPU time of whole runs of the seven Fig. 7
 * optimizers to 10^7 simulated seconds on the surrogate, with the protocol of
 * {@code experiments/nasbench101-fig7.yaml} (raw-edges-first, sampled repeat, every query charged), default
 * parameters, {@code warm} warm-up runs then {@code runs} measured runs per strategy (seeds 0, 1, …), with a
 * fingerprint of every query's cell, budget and returned accuracy (to check that a speed change keeps the runs
 * identical). Not a test.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/jmh-classpath.txt)
 * nas4j.jmh.Fig7RunCpuTime [runs [warm [strategy,...]]]}
 */
public final class Fig7RunCpuTime {
  private Fig7RunCpuTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String[] names = args.length > 2 ? args[2].split(",") : new String[] {"random-search", "regularized-evolution",
        "reinforce", "smac", "tpe", "hyperband", "bohb"};
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Benchmark bench = SurrogateBenchmark.load();
    StrategyRegistry registry = StrategyRegistry.load();
    System.out.println("strategy queries charged cpu_ms_min cpu_ms_mean cpu_ms_max fingerprint");
    for (String name : names) {
      SearchStrategy s = create(registry.provider(name));
      long min = Long.MAX_VALUE;
      long max = 0;
      long total = 0;
      long queries = 0;
      long charged = 0;
      long fingerprint = 0;
      for (int rep = -warm; rep < runs; rep++) {
        long seed = Math.max(rep, 0) + (rep < 0 ? 1000 + rep : 0);
        Oracle o = oracle(bench, seed);
        long[] h = {fingerprint};
        o.addListener(r -> h[0] = h[0] * 31 + r.observation().cellId() * 7L + r.observation().epochs()
            + Double.doubleToLongBits(r.observation().validationAccuracy()));
        long t0 = threads.getCurrentThreadCpuTime();
        run(s, o, seed);
        long t = threads.getCurrentThreadCpuTime() - t0;
        fingerprint = h[0];
        if (rep >= 0) {
          min = Math.min(min, t);
          max = Math.max(max, t);
          total += t;
          queries += o.queries();
          charged += o.chargedQueries();
        }
      }
      System.out.printf(Locale.ROOT, "%s %d %d %.1f %.1f %.1f %016x%n", name, queries / runs, charged / runs,
          min / 1e6, total / 1e6 / runs, max / 1e6, fingerprint);
    }
  }

  /** The provider's default strategy. */
  static <P extends Record> SearchStrategy create(StrategyProvider<P> provider) {
    return provider.create(provider.defaults());
  }

  /** The Fig. 7 oracle: 10^7 s, raw-edges-first, sampled repeat, duplicates charged, no CPU measurement. */
  static Oracle oracle(Benchmark bench, long seed) {
    return new Oracle(bench, OracleConfig.defaults(Budget.seconds(1e7)).withValidity(ValidityRule.RAW_EDGES_FIRST)
        .withMeasureCpu(false), new SplittableRandom(seed));
  }

  /** One run until the budget is spent. */
  static void run(SearchStrategy s, Oracle o, long seed) {
    try {
      s.run(o, new SplittableRandom(seed));
    } catch (BudgetExhaustedException e) {
      // normal end
    }
  }
}
