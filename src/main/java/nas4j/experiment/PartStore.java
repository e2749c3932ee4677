package nas4j.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nas4j.util.AtomicFiles;
import nas4j.util.Sha256;

/**
 * The per-run part files under {@code <out>/.parts/<label>/}: {@code seed-N.steps.csv} (thinned trace rows),
 * {@code seed-N.full.csv} (full trace rows, trace: full only, deleted once assembled), {@code seed-N.run.csv}
 * (the runs.csv row) and {@code seed-N.done} (the manifest: each file's row count and SHA-256, written last: the
 * run's completion marker); a run whose strategy failed has {@code seed-N.error.txt} (the error) instead of a
 * manifest, so it is run again on resume. Every file is written atomically, so a killed batch leaves each run either complete or
 * without manifest; a file changed afterwards no longer matches its manifest and the run is redone. Assembles runs.csv and trace.csv in the given run order. Thread-safe
 * (each run writes its own files).
 */
public final class PartStore {
  /** Runs.csv header (the last column, strategy CPU seconds, is not deterministic). */
  public static final String RUNS_HEADER = "strategy,seed,queries,charged,invalid,duplicates,time,epochs,incumbent,"
      + "incumbent_valid_acc,incumbent_test_acc,valid_regret,test_regret,stop,strategy_s,run_cpu_s";

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

  /** A part file that is not what its manifest says. */
  public record Damage(Path file, String problem) {}

  /** Whether a run's part files are all present and intact; {@code damaged} names the first bad one (or null). */
  public record Check(boolean complete, Damage damaged) {}

  /**
   * Checks a run against its manifest ({@code seed-N.done}: each part file's row count and SHA-256, written after
   * them): complete if the manifest is there and every file matches it (the full trace chunk only if
   * {@code needFull}). A run without manifest was stopped before its end; one whose files do not match is damaged.
   */
  public Check check(RunKey k, boolean needFull) throws IOException {
    Path manifest = doneFile(k);
    if (!Files.isRegularFile(manifest)) {
      return new Check(false, null);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return new Check(false, new Damage(manifest, "unreadable (" + e.getMessage() + ")"));
    }
    Map<String, String[]> entries = new HashMap<>();
    for (String l : lines) {
      String[] f = l.split(" ");
      if (f.length != 3 || !f[1].matches("[0-9]{1,18}") || !f[2].matches("[0-9a-f]{64}")) {
        return new Check(false, new Damage(manifest, "not a part manifest (line '" + l + "')"));
      }
      entries.put(f[0], f);
    }
    List<Path> files = new ArrayList<>(List.of(stepsFile(k), runFile(k)));
    if (needFull) {
      if (!entries.containsKey(fullFile(k).getFileName().toString()) || !hasFull(k)) {
        return new Check(false, null); // made without the full trace, or its chunk was assembled and deleted
      }
      files.add(fullFile(k));
    }
    for (Path f : files) {
      String[] e = entries.get(f.getFileName().toString());
      if (e == null) {
        return new Check(false, new Damage(manifest, "does not list " + f.getFileName()));
      }
      if (!Files.isRegularFile(f)) {
        return new Check(false, new Damage(f, "missing (listed in " + manifest.getFileName() + ")"));
      }
      byte[] bytes = Files.readAllBytes(f);
      long rows = rows(bytes);
      if (rows != Long.parseLong(e[1]) || !Sha256.hex(bytes).equals(e[2])) {
        return new Check(false, new Damage(f, "damaged (" + rows + " rows, " + bytes.length + " bytes; its manifest "
            + manifest.getFileName() + " says " + e[1] + " rows and another SHA-256)"));
      }
    }
    return new Check(true, null);
  }

  /** True if the run's full trace chunk is present. */
  public boolean hasFull(RunKey k) {
    return Files.isRegularFile(fullFile(k));
  }

  /**
   * Writes one run's part files: its manifest is removed first and written last (with each file's row count and
   * SHA-256), so a run counts as complete only once all its files are.
   */
  public void write(RunExecutor.RunOutput o) throws IOException {
    RunKey k = o.key();
    Files.createDirectories(runDir(k));
    Files.deleteIfExists(doneFile(k));
    StringBuilder manifest = new StringBuilder();
    byte[] steps = o.steps().getBytes(StandardCharsets.US_ASCII);
    AtomicFiles.write(stepsFile(k), steps);
    manifest.append(entry(stepsFile(k), steps));
    if (o.full() != null) {
      byte[] full = ascii(o.full());
      AtomicFiles.write(fullFile(k), full);
      manifest.append(entry(fullFile(k), full));
    }
    byte[] row = o.row().getBytes(StandardCharsets.US_ASCII);
    AtomicFiles.write(runFile(k), row);
    manifest.append(entry(runFile(k), row));
    if (o.error() != null) { // a failed run: its files but no manifest, so --resume runs it again
      AtomicFiles.write(errorFile(k), o.error() + "\n");
      return;
    }
    Files.deleteIfExists(errorFile(k));
    AtomicFiles.write(doneFile(k), manifest.toString());
  }

  /** The error of a run whose strategy failed and that has not completed since, or null. */
  public String error(RunKey k) throws IOException {
    if (Files.isRegularFile(doneFile(k)) || !Files.isRegularFile(errorFile(k))) {
      return null;
    }
    return Files.readString(errorFile(k), StandardCharsets.UTF_8).strip();
  }

  Path errorFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".error.txt");
  }

  private static String entry(Path f, byte[] content) {
    return f.getFileName() + " " + rows(content) + " " + Sha256.hex(content) + "\n";
  }

  private static long rows(byte[] b) {
    long n = 0;
    for (byte x : b) {
      if (x == '\n') {
        n++;
      }
    }
    return n;
  }

  private static byte[] ascii(CharSequence sb) {
    byte[] b = new byte[sb.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) sb.charAt(i);
    }
    return b;
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

  Path doneFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".done");
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

  static void concat(Path target, String header, List<RunKey> keys, Function<RunKey, Path> f)
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
