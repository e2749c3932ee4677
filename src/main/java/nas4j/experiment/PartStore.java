package nas4j.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import nas4j.util.AtomicFiles;

/**
 * The per-run part files under {@code <out>/.parts/<label>/}: {@code seed-N.steps.csv} (thinned trace rows),
 * {@code seed-N.full.csv} (full trace rows, trace: full only, deleted once assembled) and {@code seed-N.run.csv}
 * (the runs.csv row, written last: the run's completion marker). Every file is written atomically, so a killed batch
 * leaves each run either complete or absent. Assembles runs.csv and trace.csv in the given run order. Thread-safe
 * (each run writes its own files).
 */
public final class PartStore {
  /** Runs.csv header (the last column, strategy CPU seconds, is not deterministic). */
  public static final String RUNS_HEADER = "strategy,seed,queries,charged,invalid,duplicates,time,epochs,incumbent,"
      + "incumbent_valid_acc,incumbent_test_mean,valid_regret,test_regret,stop,strategy_s,run_cpu_s";

  private final Path out;
  private final Path parts;

  public PartStore(Path out) {
    this.out = out;
    this.parts = out.resolve(".parts");
  }

  /** The part-file folder. */
  public Path folder() {
    return parts;
  }

  /** True if the folder holds any part file. */
  public boolean isEmpty() throws IOException {
    if (!Files.isDirectory(parts)) {
      return true;
    }
    try (var s = Files.list(parts)) {
      return s.findAny().isEmpty();
    }
  }

  void create() throws IOException {
    Files.createDirectories(parts);
  }

  /** True if the run finished: its runs row is present (and, if {@code needFull}, its full trace chunk). */
  public boolean isComplete(RunKey k, boolean needFull) throws IOException {
    return Files.isRegularFile(runFile(k)) && Files.size(runFile(k)) > 0 && (!needFull || hasFull(k));
  }

  /** True if the run's full trace chunk is present. */
  public boolean hasFull(RunKey k) {
    return Files.isRegularFile(fullFile(k));
  }

  /** Writes one run's part files (trace chunk(s) first, then the run row as completion marker). */
  public void write(RunExecutor.RunOutput o) throws IOException {
    RunKey k = o.key();
    Files.createDirectories(runDir(k));
    AtomicFiles.write(stepsFile(k), o.steps());
    if (o.full() != null) {
      AtomicFiles.write(fullFile(k), ascii(o.full()));
    }
    AtomicFiles.write(runFile(k), o.row());
  }

  private static AtomicFiles.Content ascii(CharSequence sb) {
    return o -> {
      byte[] buf = new byte[1 << 16];
      int n = sb.length();
      for (int i = 0; i < n; i += buf.length) {
        int m = Math.min(buf.length, n - i);
        for (int j = 0; j < m; j++) {
          buf[j] = (byte) sb.charAt(i + j);
        }
        o.write(buf, 0, m);
      }
    };
  }

  private Path runDir(RunKey k) {
    return parts.resolve(k.label());
  }

  Path runFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".run.csv");
  }

  Path stepsFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".steps.csv");
  }

  Path fullFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".full.csv");
  }

  /** The thinned trace of one finished run. */
  RunSteps steps(RunKey k) {
    try {
      return RunSteps.parse(k, Files.readString(stepsFile(k), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(stepsFile(k) + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code <out>/runs.csv} from the run rows, in the given order. */
  public void assembleRuns(List<RunKey> keys) throws IOException {
    concat(out.resolve("runs.csv"), RUNS_HEADER, keys, this::runFile);
  }

  /**
   * Writes (or removes) {@code <out>/trace.csv} for the trace mode; returns true if it was (re)written from full
   * chunks (which may then be deleted with {@link #deleteFull}).
   */
  public boolean assembleTrace(List<RunKey> keys, TraceMode mode, boolean previousComplete) throws IOException {
    Path trace = out.resolve("trace.csv");
    switch (mode) {
      case FULL:
        boolean chunks = keys.stream().allMatch(this::hasFull);
        if (!chunks && previousComplete && Files.isRegularFile(trace)) {
          return false; // already assembled by the earlier, complete batch
        }
        concat(trace, RegretRecorder.TRACE_HEADER, keys, this::fullFile);
        return true;
      case THINNED:
        concat(trace, RegretRecorder.TRACE_HEADER, keys, this::stepsFile);
        return false;
      default:
        Files.deleteIfExists(trace);
        return false;
    }
  }

  /** Deletes the full trace chunks (once trace.csv holds them). */
  public void deleteFull(List<RunKey> keys) throws IOException {
    for (RunKey k : keys) {
      Files.deleteIfExists(fullFile(k));
    }
  }

  private static void concat(Path target, String header, List<RunKey> keys, Function<RunKey, Path> f)
      throws IOException {
    AtomicFiles.write(target, o -> {
      o.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
      for (RunKey k : keys) {
        try (InputStream in = Files.newInputStream(f.apply(k))) {
          in.transferTo(o);
        }
      }
    });
  }
}
