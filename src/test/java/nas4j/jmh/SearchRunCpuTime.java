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
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.LocalSearch;
import nas4j.search.LocalSearchParameters;
import nas4j.search.RandomSearch;
import nas4j.search.RandomSearchParameters;
import nas4j.search.Reinforce;
import nas4j.search.ReinforceParameters;
import nas4j.search.SearchStrategy;
import nas4j.space.ValidityRule;

/**
 * Companion of {@link SearchRunBenchmark} for loaded machines: the thread CPU time of whole runs to 10^7 simulated
 * seconds (less sensitive to other processes than wall time), 10 warm-up runs then 15 measured, per strategy,
 * validity rule and CPU-measurement setting. Not a test.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) nas4j.jmh.SearchRunCpuTime}
 */
public final class SearchRunCpuTime {
  private SearchRunCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Benchmark bench = SyntheticBenchmarks.smooth(7);
    SearchStrategy[] strategies = {new RandomSearch(RandomSearchParameters.defaults()),
        new LocalSearch(LocalSearchParameters.defaults()), new Reinforce(ReinforceParameters.defaults())};
    System.out.println("measure_cpu validity strategy queries charged cpu_ms_min cpu_ms_mean");
    for (boolean cpu : new boolean[] {false, true}) {
      for (ValidityRule rule : ValidityRule.values()) {
        for (SearchStrategy s : strategies) {
          long min = Long.MAX_VALUE;
          long total = 0;
          long queries = 0;
          long charged = 0;
          for (int rep = 0; rep < 25; rep++) {
            Oracle o = new Oracle(bench, OracleConfig.defaults(Budget.seconds(1e7)).withValidity(rule)
                .withMeasureCpu(cpu), new SplittableRandom(rep));
            long t0 = threads.getCurrentThreadCpuTime();
            try {
              s.run(o, new SplittableRandom(rep));
            } catch (BudgetExhaustedException e) {
              // normal end
            }
            long t = threads.getCurrentThreadCpuTime() - t0;
            if (rep >= 10) {
              min = Math.min(min, t);
              total += t;
              queries += o.queries();
              charged += o.chargedQueries();
            }
          }
          System.out.printf(Locale.ROOT, "%s %s %s %d %d %.1f %.1f%n", cpu, rule, s.getClass().getSimpleName(),
              queries / 15, charged / 15, min / 1e6, total / 1e6 / 15);
        }
      }
    }
  }
}
