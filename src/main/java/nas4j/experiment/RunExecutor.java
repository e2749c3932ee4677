package nas4j.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nas4j.bench.Benchmark;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.search.StrategyFailedException;

/**
 * Executes runs: each (strategy label, seed) is one single-threaded run with generators derived from
 * (experiment seed, label, seed) ({@link RunSeeds}); runs execute in parallel on a fixed pool sharing one read-only
 * benchmark, and each finished run is handed to the {@link PartStore}. A run whose strategy throws
 * {@link StrategyFailedException} is finished as failed ({@code stop = error}) and the others go on; anything else
 * a strategy throws is a bug and stops the batch. Thread-safe once constructed.
 */
public final class RunExecutor {
  private final Experiment experiment;
  private final Benchmark benchmark;
  private final PartStore store;
  private final nas4j.bench.Optimum optimum;

  public RunExecutor(Experiment experiment, Benchmark benchmark, PartStore store) {
    this.experiment = experiment;
    this.benchmark = benchmark;
    this.store = store;
    this.optimum = experiment.report().optimum(benchmark);
  }

  /**
   * What one run produced: its thinned trace rows, its full trace rows (null unless trace: full), its runs row and,
   * for a run whose strategy failed ({@link StrategyFailedException}, {@code stop = error}), the error (else null).
   */
  public record RunOutput(RunKey key, String steps, CharSequence full, String row, String error) {
    public RunOutput(RunKey key, String steps, CharSequence full, String row) {
      this(key, steps, full, row, null);
    }
  }

  /**
   * Executes the runs on {@code experiment.threads()} workers (at most one per run); stops starting new runs at the
   * first failure and throws it after the others finished. Completed runs stay in the store.
   */
  public void execute(List<RunKey> pending, Progress progress) {
    if (pending.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(experiment.threads(), pending.size()));
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "nas4j-run-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    RuntimeException failure = null;
    try {
      for (RunKey k : pending) {
        futures.add(pool.submit(() -> {
          if (failed.get()) {
            return null;
          }
          try {
            store.write(runOne(k));
          } catch (Throwable e) {
            failed.set(true);
            throw e;
          }
          progress.step();
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          if (failure == null) {
            Throwable c = e.getCause();
            failure = new RunFailedException("run " + pending.get(i) + " failed: " + c, c);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new RunFailedException("interrupted", e);
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** A run threw something other than the budget's end (a strategy bug); completed runs are kept for --resume. */
  public static final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Executes one run in the calling thread and returns its rows (nothing is written). */
  public RunOutput runOne(RunKey k) throws IOException {
    BoundStrategy s = experiment.strategies().get(k.strategyIndex());
    RunSeeds seeds = RunSeeds.derive(experiment.experimentSeed(), k.label(), k.seed());
    OracleConfig oc = s.oracle();
    Oracle oracle = new Oracle(benchmark, oc, seeds.oracleRng());
    RegretRecorder rec = new RegretRecorder(benchmark, oc.epochs(), oc.stopHalfway(), experiment.report(), optimum,
        seeds.reportRng(), experiment.incumbent());
    oracle.addListener(rec);
    String stop;
    String error = null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean measure = oc.measureCpu() && threads.isCurrentThreadCpuTimeSupported();
    long cpu0 = measure ? threads.getCurrentThreadCpuTime() : -1;
    try {
      s.newStrategy().run(oracle, seeds.strategyRng());
      stop = "returned";
    } catch (BudgetExhaustedException e) {
      stop = oracle.exhausted() ? "budget" : "stalled";
    } catch (StrategyFailedException e) {
      stop = "error";
      error = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    long runCpu = measure ? threads.getCurrentThreadCpuTime() - cpu0 : -1;
    StringBuilder steps = new StringBuilder(1024);
    rec.appendRows(steps, k.label(), k.seed(), true);
    StringBuilder full = null;
    if (experiment.trace() == TraceMode.FULL) {
      full = new StringBuilder(rec.size() * 200);
      rec.appendRows(full, k.label(), k.seed(), false);
    }
    StringBuilder row = new StringBuilder();
    int last = rec.size() - 1;
    row.append(k.label()).append(',').append(k.seed()).append(',').append(oracle.queries()).append(',')
        .append(oracle.chargedQueries()).append(',').append(oracle.invalidQueries()).append(',')
        .append(oracle.duplicateQueries()).append(',');
    Csv.num(row, oracle.timeSpent());
    row.append(',').append(oracle.epochsSpent()).append(',');
    if (last >= 0 && rec.incumbentId(last) >= 0) {
      row.append(benchmark.space().hash(rec.incumbentId(last)));
    }
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.incValid[last]);
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.incTest[last]);
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.validationRegret(last));
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.testRegret(last));
    row.append(',').append(stop).append(',');
    long cpu = rec.cpuNanos();
    if (cpu >= 0) {
      row.append(cpu / 1e9);
    }
    row.append(',');
    if (runCpu >= 0) {
      row.append(runCpu / 1e9);
    }
    row.append('\n');
    return new RunOutput(k, steps.toString(), full, row.toString(), error);
  }
}
