package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nas4j.testing.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes on one output folder: a second run is refused while the first holds the folder; SIGTERM leaves
 * run.json "interrupted" and says how to resume; after a SIGKILL the stale lock is taken over; the resumed folder
 * ends byte-identical to an uninterrupted run of the same config.
 */
class RunProcessTest {
  @TempDir
  Path tmp;

  static final String CONFIG = String.join("\n",
      "name: slow",
      "benchmark: surrogate",
      "budget: {queries: 30}",
      "strategies:",
      "  - {strategy: test-random, label: A, params: {resample: false, pause_ms: 20}}",
      "  - {strategy: test-random, label: B, params: {sampler: uniform, pause_ms: 20}}",
      "seeds: 20",
      "experiment_seed: 3",
      "threads: 2",
      "trace: full",
      "");

  @Test
  void concurrentRunsAreRefusedAndKilledRunsResumeToTheSameBytes() throws Exception {
    Files.writeString(tmp.resolve("slow.yaml"), CONFIG);
    Files.writeString(tmp.resolve("other.yaml"), CONFIG.replace("experiment_seed: 3", "experiment_seed: 4"));
    Process ref = CliProcess.start(tmp, "ref", "run", "slow.yaml", "--out", "ref", "--progress", "none");
    Path out = tmp.resolve("out");

    Process first = CliProcess.start(tmp, "first", "run", "slow.yaml", "--out", "out", "--progress", "none");
    waitForFinishedRuns(out, 1, first);
    CliProcess.Result second = CliProcess.run(tmp, "second", "run", "other.yaml", "--out", "out");
    assertThat(second.exit()).as(second.err()).isEqualTo(2);
    assertThat(second.err()).contains("nas4j: out is in use by another nas4j run (pid " + first.pid() + " on ")
        .doesNotContain("\tat ");
    first.destroy(); // SIGTERM, like Ctrl-C
    CliProcess.Result stopped = CliProcess.await(first, tmp, "first");
    assertThat(stopped.exit()).isNotZero();
    assertThat(stopped.err()).contains("slow: interrupted: ").contains("runs finished and kept in out/.parts")
        .contains("to continue: nas4j run slow.yaml --resume --out out");
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"status\" : \"interrupted\"");

    long kept = finishedRuns(out);
    Process third = CliProcess.start(tmp, "third", "run", "slow.yaml", "--out", "out", "--resume", "--progress",
        "none");
    waitForFinishedRuns(out, kept + 1, third);
    third.destroyForcibly().waitFor(); // SIGKILL: no hook runs, the lock file keeps its owner
    assertThat(Files.readString(out.resolve(".nas4j.lock"))).startsWith("pid " + third.pid() + " on ");

    CliProcess.Result last = CliProcess.run(tmp, "last", "run", "slow.yaml", "--out", "out", "--resume",
        "--progress", "none");
    assertThat(last.exit()).as(last.err()).isZero();
    assertThat(last.err()).contains("left locked by a run that is no longer running (pid " + third.pid() + " on ");
    CliProcess.Result reference = CliProcess.await(ref, tmp, "ref");
    assertThat(reference.exit()).as(reference.err()).isZero();
    assertSameOutputs(tmp.resolve("ref"), out);
  }

  /** trace, runs and summary byte for byte; run.json apart from the clock and the executed/resumed counts. */
  static void assertSameOutputs(Path expected, Path actual) throws IOException {
    for (String f : List.of("trace.csv", "runs.csv", "summary.csv")) {
      assertThat(Files.mismatch(expected.resolve(f), actual.resolve(f))).as(f).isEqualTo(-1L);
    }
    assertThat(stable(actual.resolve("run.json"))).isEqualTo(stable(expected.resolve("run.json")));
  }

  static String stable(Path runJson) throws IOException {
    List<String> vary = List.of("\"started\"", "\"finished\"", "\"wall_seconds\"", "\"runs_executed\"",
        "\"runs_resumed\"");
    return Files.readString(runJson).lines().filter(l -> vary.stream().noneMatch(v -> l.trim().startsWith(v)))
        .collect(Collectors.joining("\n"));
  }

  static long finishedRuns(Path out) throws IOException {
    Path parts = out.resolve(".parts");
    if (!Files.isDirectory(parts)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(parts)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".done")).count();
    }
  }

  static void waitForFinishedRuns(Path out, long n, Process p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 5L * 60 * 1_000_000_000L;
    while (finishedRuns(out) < n) {
      assertThat(p.isAlive()).as("the run ended before " + n + " runs were seen").isTrue();
      assertThat(System.nanoTime()).as("no finished run within 5 minutes").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
