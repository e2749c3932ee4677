package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nas4j.bench.Benchmark;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.StrategyRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
  static Benchmark bench;
  @TempDir
  Path tmp;

  @BeforeAll
  static void load() {
    bench = SyntheticBenchmarks.smooth(3);
  }

  static final String BASE = String.join("\n",
      "name: t",
      "budget: {queries: 60}",
      "validity: raw-edges-first",
      "strategies:",
      "  - {strategy: test-random, label: A, params: {resample: false}}",
      "  - {strategy: test-random, label: B, params: {sampler: uniform}}",
      "seeds: 5",
      "experiment_seed: 9",
      "trace: full",
      "measure_cpu: MEASURE",
      "");

  Experiment experiment(String yaml, Path out, int threads) {
    return Experiment.resolve(ConfigReader.parse(tmp.resolve("t.yaml"), yaml), StrategyRegistry.load(),
        new Experiment.Overrides(threads, out, null));
  }

  ExperimentRunner.Report run(String yaml, Path out, int threads, boolean resume) throws IOException {
    Experiment e = experiment(yaml, out, threads);
    return new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
        ExperimentRunner.Options.quiet().withResume(resume)).run();
  }

  static String read(Path p) throws IOException {
    return Files.readString(p);
  }

  static String dropLastColumn(String csv) {
    return Arrays.stream(csv.split("\n")).map(l -> l.substring(0, l.lastIndexOf(',')))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void outputsAreByteIdenticalForOneAndTwoThreads() throws IOException {
    String yaml = BASE.replace("MEASURE", "false");
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    run(yaml, one, 1, false);
    run(yaml, two, 2, false);
    for (String f : List.of("trace.csv", "runs.csv", "summary.csv")) {
      assertThat(Files.mismatch(one.resolve(f), two.resolve(f))).as(f).isEqualTo(-1L);
    }
    String trace = read(one.resolve("trace.csv"));
    assertThat(trace).startsWith(RegretRecorder.TRACE_HEADER + "\n");
    assertThat(trace.lines().count()).isGreaterThan(1 + 10 * 60); // A records invalid draws too
    assertThat(read(one.resolve("runs.csv")).lines()).hasSize(11);
    assertThat(read(one.resolve("summary.csv"))).startsWith(SummaryTable.HEADER);
    assertThat(Files.exists(one.resolve(".parts/A/seed-0.full.csv"))).isFalse(); // chunks removed once assembled

    // with timing on, everything but the time columns (trace: last; runs: last two) is identical
    Path three = tmp.resolve("three");
    run(BASE.replace("MEASURE", "true"), three, 2, false);
    assertThat(dropLastColumn(read(three.resolve("trace.csv")))).isEqualTo(dropLastColumn(trace));
    assertThat(dropLastColumn(dropLastColumn(read(three.resolve("runs.csv")))))
        .isEqualTo(dropLastColumn(dropLastColumn(read(one.resolve("runs.csv")))));
    assertThat(read(three.resolve("summary.csv"))).isEqualTo(read(one.resolve("summary.csv")));
  }

  @Test
  void traceRowsAreConsistentWithTheRunsAndTheProtocol() throws IOException {
    Path out = tmp.resolve("o");
    run(BASE.replace("MEASURE", "false"), out, 2, false);
    List<String[]> rows = read(out.resolve("trace.csv")).lines().skip(1).map(l -> l.split(",", -1)).toList();
    double yTest = bench.optimum().bestTest();
    double best = Double.NEGATIVE_INFINITY;
    String lastRun = "";
    for (String[] r : rows) {
      String run = r[0] + "/" + r[1];
      if (!run.equals(lastRun)) {
        best = Double.NEGATIVE_INFINITY;
        lastRun = run;
      }
      if (r[14].equals("1")) {
        best = Math.max(best, Double.parseDouble(r[8]));
      }
      if (best == Double.NEGATIVE_INFINITY) {
        assertThat(r[13]).isEmpty();
      } else {
        assertThat(Double.parseDouble(r[10])).isEqualTo(best);
        int id = bench.space().idOf(nas4j.space.ModuleHash.parse(r[9]));
        assertThat(Double.parseDouble(r[13])).isEqualTo(yTest - bench.mean(id, 108, nas4j.bench.Metric.FINAL_TEST_ACCURACY));
      }
    }
    assertThat(rows.stream().filter(r -> r[0].equals("A") && r[14].equals("0")).count()).isPositive();
    List<String> runsCsv = read(out.resolve("runs.csv")).lines().skip(1).toList();
    assertThat(runsCsv).allSatisfy(l -> assertThat(l.split(",", -1)[3]).isEqualTo("60"))
        .allSatisfy(l -> assertThat(l.split(",", -1)[13]).isEqualTo("budget"));
  }

  @Test
  void resumeRerunsOnlyTheMissingRunAndGivesTheSameOutputs() throws IOException {
    String yaml = BASE.replace("MEASURE", "false").replace("trace: full", "trace: thinned");
    Path out = tmp.resolve("r");
    run(yaml, out, 2, false);
    String trace = read(out.resolve("trace.csv"));
    String runs = read(out.resolve("runs.csv"));
    String summary = read(out.resolve("summary.csv"));
    Files.delete(out.resolve(".parts/B/seed-3.run.csv"));
    Files.writeString(out.resolve("run.json"), read(out.resolve("run.json")).replace("\"complete\"", "\"running\""));
    assertThatThrownBy(() -> run(yaml, out, 2, false)).hasMessageContaining("--resume")
        .hasMessageContaining("status running");
    ExperimentRunner.Report r = run(yaml, out, 2, true);
    assertThat(r.executed()).isEqualTo(1);
    assertThat(r.resumed()).isEqualTo(9);
    assertThat(read(out.resolve("trace.csv"))).isEqualTo(trace);
    assertThat(read(out.resolve("runs.csv"))).isEqualTo(runs);
    assertThat(read(out.resolve("summary.csv"))).isEqualTo(summary);
    assertThat(read(out.resolve("run.json"))).contains("\"status\" : \"complete\"").contains("\"runs_resumed\" : 9");
  }

  @Test
  void theSummaryAtTheLastQueryAgreesWithTheRunsTable() throws IOException {
    Path out = tmp.resolve("s");
    run(BASE.replace("MEASURE", "false").replace("trace: full", "trace: thinned"), out, 2, false);
    List<String> header = List.of(SummaryTable.HEADER.split(","));
    List<String> runsHeader = List.of(ExperimentRunner.RUNS_HEADER.split(","));
    for (String label : List.of("A", "B")) {
      // every run spends exactly 60 charged queries, so the last summary row on the query axis (the grid's first
      // point at or past 60) is the runs' final state
      double[] test = read(out.resolve("runs.csv")).lines().skip(1).map(l -> l.split(",", -1))
          .filter(f -> f[0].equals(label)).mapToDouble(f -> Double.parseDouble(f[runsHeader.indexOf("test_regret")]))
          .toArray();
      double[] valid = read(out.resolve("runs.csv")).lines().skip(1).map(l -> l.split(",", -1))
          .filter(f -> f[0].equals(label)).mapToDouble(f -> Double.parseDouble(f[runsHeader.indexOf("valid_regret")]))
          .toArray();
      String[] row = read(out.resolve("summary.csv")).lines().map(l -> l.split(",", -1))
          .filter(f -> f[0].equals(label) && f[1].equals("queries")).reduce((a, b) -> b).orElseThrow();
      assertThat(Long.parseLong(row[2])).isGreaterThanOrEqualTo(60);
      assertThat(Double.parseDouble(row[header.indexOf("test_regret_mean")]))
          .isCloseTo(Arrays.stream(test).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(Double.parseDouble(row[header.indexOf("valid_regret_mean")]))
          .isCloseTo(Arrays.stream(valid).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void aDamagedPartFileIsRedoneWithAWarningNamingIt() throws IOException {
    String yaml = BASE.replace("MEASURE", "false").replace("trace: full", "trace: thinned");
    Path out = tmp.resolve("d");
    run(yaml, out, 2, false);
    String trace = read(out.resolve("trace.csv"));
    String runs = read(out.resolve("runs.csv"));
    String summary = read(out.resolve("summary.csv"));
    Path steps = out.resolve(".parts/A/seed-2.steps.csv");
    byte[] b = Files.readAllBytes(steps);
    Files.write(steps, Arrays.copyOf(b, b.length / 2)); // truncated, as a full disk or a careless edit leaves it
    Path row = out.resolve(".parts/B/seed-4.run.csv");
    Files.writeString(row, read(row).replace(",budget,", ",budgeX,")); // same length and rows, other bytes
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    Experiment e = experiment(yaml, out, 2);
    ExperimentRunner.Report r = new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
        new ExperimentRunner.Options(true, false, Progress.Mode.NONE, new java.io.PrintStream(log, true))).run();
    assertThat(r.executed()).isEqualTo(2);
    assertThat(log.toString()).contains("warning: " + steps + ": damaged").contains("run A seed 2 is redone")
        .contains("warning: " + row + ": damaged").contains("run B seed 4 is redone");
    assertThat(read(out.resolve("trace.csv"))).isEqualTo(trace);
    assertThat(read(out.resolve("runs.csv"))).isEqualTo(runs);
    assertThat(read(out.resolve("summary.csv"))).isEqualTo(summary);
  }

  @Test
  void aCompleteFolderRunAgainIsLeftAsItIs() throws IOException {
    String yaml = BASE.replace("MEASURE", "false");
    Path out = tmp.resolve("c");
    ExperimentRunner.Report first = run(yaml, out, 2, false);
    byte[] runJson = Files.readAllBytes(out.resolve("run.json"));
    ExperimentRunner.Report again = run(yaml, out, 2, false);
    assertThat(again.upToDate()).isTrue();
    assertThat(again.executed()).isZero();
    assertThat(again.runs()).isEqualTo(10);
    assertThat(again.shortTable()).isEqualTo(first.shortTable());
    assertThat(Files.readAllBytes(out.resolve("run.json"))).isEqualTo(runJson);
    // another trace mode is not the same result: that needs --resume
    assertThatThrownBy(() -> run(yaml.replace("trace: full", "trace: none"), out, 2, false))
        .hasMessageContaining("another trace mode").hasMessageContaining("--resume");
  }

  @Test
  void refusesAFolderWithOtherFilesAndLeavesThemAlone() throws IOException {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("trace.csv"), "my own data\n");
    assertThatThrownBy(() -> run(BASE.replace("MEASURE", "false"), out, 2, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(out.toString())
        .hasMessageContaining("not a nas4j result folder").hasMessageContaining("trace.csv");
    assertThat(read(out.resolve("trace.csv"))).isEqualTo("my own data\n");
    try (var s = Files.list(out)) {
      assertThat(s.toList()).hasSize(1);
    }
  }

  @Test
  void aFolderHeldByAnotherBatchIsRefused() throws IOException {
    Path out = tmp.resolve("held");
    try (OutputLock held = OutputLock.acquire(out)) {
      assertThat(read(out.resolve(OutputLock.FILE))).startsWith("pid " + ProcessHandle.current().pid() + " on ");
      assertThatThrownBy(() -> run(BASE.replace("MEASURE", "false"), out, 2, false))
          .isInstanceOf(OutputLock.FolderInUseException.class).hasMessageContaining(out.toString())
          .hasMessageContaining("in use by another nas4j run (pid " + ProcessHandle.current().pid());
    }
    assertThat(run(BASE.replace("MEASURE", "false"), out, 2, false).executed()).isEqualTo(10); // released
  }

  @Test
  void refusesAFolderMadeByAnotherConfig() throws IOException {
    Path out = tmp.resolve("x");
    run(BASE.replace("MEASURE", "false"), out, 2, false);
    assertThatThrownBy(() -> run(BASE.replace("MEASURE", "false").replace("experiment_seed: 9", "experiment_seed: 10"),
        out, 2, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different experiment")
        .hasMessageContaining("refusing to mix");
  }

  @Test
  void addingAStrategyLeavesTheOthersUnchanged() throws IOException {
    String yaml = BASE.replace("MEASURE", "false");
    Path before = tmp.resolve("b");
    Path after = tmp.resolve("a");
    run(yaml, before, 2, false);
    run(yaml.replace("seeds: 5", "  - {strategy: test-random, label: C}\nseeds: 5").replace("\n  - {strategy: test-random, label: C}", "\n  - {strategy: test-random, label: C}"), after, 2, false);
    List<String> a = read(before.resolve("trace.csv")).lines().toList();
    List<String> b = read(after.resolve("trace.csv")).lines().filter(l -> !l.startsWith("C,")).toList();
    assertThat(b).isEqualTo(a);
    assertThat(read(after.resolve("trace.csv"))).contains("\nC,4,");
  }

  @Test
  void thinnedTraceIsTheIncumbentChangesOfTheFullOne() throws IOException {
    String yaml = BASE.replace("MEASURE", "false");
    Path full = tmp.resolve("f");
    Path thin = tmp.resolve("t");
    run(yaml, full, 2, false);
    run(yaml.replace("trace: full", "trace: thinned"), thin, 2, false);
    List<String> f = read(full.resolve("trace.csv")).lines().toList();
    List<String> t = read(thin.resolve("trace.csv")).lines().toList();
    assertThat(f).containsAll(t);
    assertThat(t.size()).isLessThan(f.size() / 3);
    assertThat(read(thin.resolve("summary.csv"))).isEqualTo(read(full.resolve("summary.csv")));
  }

  /** The official only108 file (here: a table with the 108-epoch budget only) cannot serve Hyperband or BOHB. */
  @Test
  void multiFidelityStrategyOnA108OnlyBenchmarkIsRejectedClearly() {
    for (String name : List.of("hyperband", "bohb")) {
      String yaml = String.join("\n", "name: t", "epochs: 108", "budget: {seconds: 1e6}", "strategies:",
          "  - {strategy: " + name + ", label: MF}", "seeds: 1", "");
      Experiment e = experiment(yaml, tmp.resolve("mf-" + name), 1);
      assertThatThrownBy(() -> new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
          ExperimentRunner.Options.quiet())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("strategy '" + name + "' (label MF) is multi-fidelity")
          .hasMessageContaining("[4, 12, 36, 108]").hasMessageContaining("has only [108]")
          .hasMessageContaining("missing [4, 12, 36]");
    }
  }
}
