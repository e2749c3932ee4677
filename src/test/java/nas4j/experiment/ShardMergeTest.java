package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.search.StrategyRegistry;
import nas4j.bench.io.SyntheticBenchmarks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sharded batches: run in slices, merged, compared with the unsharded run; bad shard sets refused. */
class ShardMergeTest {
  static Benchmark bench;
  @TempDir
  Path tmp;

  @BeforeAll
  static void load() {
    bench = SyntheticBenchmarks.smooth(3);
  }

  static final String BASE = String.join("\n",
      "name: s",
      "budget: {queries: 40}",
      "validity: raw-edges-first",
      "strategies:",
      "  - {strategy: test-random, label: A, params: {resample: false}}",
      "  - {strategy: test-random, label: B, params: {sampler: uniform}}",
      "seeds: [0, 1, 2, 3, 4, 5, 6]",
      "experiment_seed: 5",
      "trace: TRACE",
      "");

  ExperimentRunner runner(String yaml, Path out, Shard shard, boolean resume) {
    Experiment e = Experiment.resolve(ConfigReader.parse(tmp.resolve("s.yaml"), yaml), StrategyRegistry.load(),
        new Experiment.Overrides(2, out, null));
    return new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
        ExperimentRunner.Options.quiet().withResume(resume).withShard(shard).withReport(true));
  }

  static ObjectNode stable(Path dir) throws IOException {
    return OutputFolders.stableRunJson(dir.resolve("run.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "thinned", "none"})
  void threeShardsInAnyOrderMergeToTheUnshardedOutputs(String trace) throws IOException {
    String yaml = BASE.replace("TRACE", trace);
    Path whole = tmp.resolve("whole");
    runner(yaml, whole, null, false).run();
    Path sharded = tmp.resolve("sharded");
    Path[] dirs = new Path[4];
    for (int i : new int[] {3, 1, 2}) {
      ExperimentRunner r = runner(yaml, sharded, new Shard(i, 3), false);
      dirs[i] = r.output();
      ExperimentRunner.Report rep = r.run();
      assertThat(rep.runs()).isEqualTo(i == 3 ? 4 : 5); // 14 runs dealt round-robin: 5, 5, 4
    }
    assertThat(dirs[2].getFileName().toString())
        .isEqualTo("shard-2-of-3-" + runner(yaml, whole, null, false).configHash().substring(0, 12));
    Path merged = tmp.resolve("merged");
    ShardMerge.Report m = ShardMerge.merge(merged, List.of(dirs[2], dirs[3], dirs[1]));
    assertThat(m.runs()).isEqualTo(14);
    List<String> expected = new java.util.ArrayList<>(List.of("comparison.csv", "friedman.csv", "report.html",
        "run.json", "runs.csv", "summary.csv", "trace.csv"));
    if (trace.equals("none")) {
      expected.remove("trace.csv");
    }
    assertThat(OutputFolders.files(whole)).isEqualTo(expected);
    OutputFolders.assertSame(whole, merged);
    assertThat(m.report()).isEqualTo(merged.resolve("report.html"));
    assertThat(stable(merged).path("runs_executed").asInt()).isEqualTo(14);
    if (trace.equals("none")) { // no per-run steps in the merged folder: a later report says why and what to do
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExperimentResults.load(merged))
          .hasMessageContaining("neither .parts/ nor trace.csv").hasMessageContaining("run nas4j merge again");
    } else {
      assertThat(HtmlReport.write(ExperimentResults.load(merged))).isEqualTo(merged.resolve("report.html")); // nas4j report
    }
  }

  @Test
  void mergedSummaryUsesTheConfiguredCheckpoints() throws IOException {
    String yaml = BASE.replace("TRACE", "none") + "checkpoints: {queries: {step: 7}, seconds: [100, 1000]}\n";
    Path whole = tmp.resolve("whole");
    runner(yaml, whole, null, false).run();
    Path[] dirs = new Path[3];
    for (int i = 1; i <= 2; i++) {
      ExperimentRunner r = runner(yaml, tmp.resolve("sharded"), new Shard(i, 2), false);
      dirs[i] = r.output();
      r.run();
    }
    Path merged = tmp.resolve("merged");
    ShardMerge.merge(merged, List.of(dirs[1], dirs[2]));
    // the unsharded summary has 7, 14, ..., 35, then the budget 40 on the queries axis; the merge matches it
    assertThat(Files.readAllLines(whole.resolve("summary.csv")).stream().filter(l -> l.startsWith("A,queries,"))
        .map(l -> l.split(",")[2]).toList()).containsExactly("7", "14", "21", "28", "35", "40");
    assertThat(Files.mismatch(whole.resolve("summary.csv"), merged.resolve("summary.csv"))).isEqualTo(-1L);
  }

  @Test
  void eachShardHoldsEveryStrategyEvenly() throws IOException {
    String yaml = BASE.replace("TRACE", "thinned");
    Path sharded = tmp.resolve("sh");
    // by hand: runs A0..A6 (positions 0-6) and B0..B6 (7-13), position p to shard p mod 3 + 1
    String[] expected = {"A0 A3 A6 B2 B5", "A1 A4 B0 B3 B6", "A2 A5 B1 B4"};
    for (int i = 1; i <= 3; i++) {
      ExperimentRunner r = runner(yaml, sharded, new Shard(i, 3), false);
      r.run();
      List<String> runs = Files.readAllLines(r.output().resolve("runs.csv")).stream().skip(1)
          .map(l -> l.split(",")[0] + l.split(",")[1]).toList();
      assertThat(String.join(" ", runs)).isEqualTo(expected[i - 1]);
    }
  }

  @Test
  void resumeWorksPerShard() throws IOException {
    String yaml = BASE.replace("TRACE", "full");
    Path sharded = tmp.resolve("sh");
    ExperimentRunner r = runner(yaml, sharded, new Shard(2, 3), false);
    r.run();
    String runs = Files.readString(r.output().resolve("runs.csv"));
    String trace = Files.readString(r.output().resolve("trace.csv"));
    Files.delete(r.output().resolve(".parts/B/seed-3.run.csv"));
    ExperimentRunner.Report again = runner(yaml, sharded, new Shard(2, 3), true).run();
    assertThat(again.executed()).isEqualTo(1);
    assertThat(again.resumed()).isEqualTo(4);
    assertThat(Files.readString(r.output().resolve("runs.csv"))).isEqualTo(runs);
    assertThat(Files.readString(r.output().resolve("trace.csv"))).isEqualTo(trace);
  }

  Path[] shards(String yaml, Path parent, int n) throws IOException {
    Path[] dirs = new Path[n + 1];
    for (int i = 1; i <= n; i++) {
      ExperimentRunner r = runner(yaml, parent, new Shard(i, n), false);
      r.run();
      dirs[i] = r.output();
    }
    return dirs;
  }

  @Test
  void missingDoubledForeignAndIncompleteShardsAreRefusedByName() throws IOException {
    String yaml = BASE.replace("TRACE", "thinned");
    Path[] d = shards(yaml, tmp.resolve("sh"), 3);
    Path out = tmp.resolve("out");
    String hash12 = d[1].getFileName().toString().substring("shard-1-of-3-".length());

    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[3])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard 2/3 (folder shard-2-of-3-" + hash12 + ") is missing");

    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[2], d[3], d[2])))
        .hasMessageContaining("shard 2/3 is given twice: " + d[2] + " and " + d[2]);

    // a shard of another config (another experiment seed) among the right ones
    Path[] other = shards(yaml.replace("experiment_seed: 5", "experiment_seed: 6"), tmp.resolve("other"), 3);
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], other[2], d[3])))
        .hasMessageContaining("foreign shard " + other[2])
        .hasMessageContaining("config hash");
    // the same config cut into another number of shards
    Path[] two = shards(yaml, tmp.resolve("two"), 2);
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[2], two[2])))
        .hasMessageContaining("foreign shard " + two[2]).hasMessageContaining("2 shards");
    // another nas4j version
    Path v = tmp.resolve("v");
    OutputFolders.copy(d[3], v);
    Path json = v.resolve("run.json");
    Files.writeString(json, Files.readString(json).replaceFirst("\"nas4j_version\" : \"[^\"]*\"",
        "\"nas4j_version\" : \"9.9\""));
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[2], v)))
        .hasMessageContaining("foreign shard " + v).hasMessageContaining("nas4j 9.9");

    // a shard whose batch did not finish, and one that lost a run's part files
    Path inc = tmp.resolve("inc");
    OutputFolders.copy(d[3], inc);
    Files.writeString(inc.resolve("run.json"), Files.readString(inc.resolve("run.json"))
        .replace("\"status\" : \"complete\"", "\"status\" : \"running\""));
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[2], inc)))
        .hasMessageContaining("shard " + inc + " (3/3) is not complete").hasMessageContaining("--shard 3/3 --resume");
    Path lost = tmp.resolve("lost");
    OutputFolders.copy(d[3], lost);
    Files.delete(lost.resolve(".parts/B/seed-4.run.csv"));
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], d[2], lost)))
        .hasMessageContaining("shard " + lost + " (3/3) lacks the part files of run B seed 4");

    // an unsharded run and a folder that is not a run at all
    Path whole = tmp.resolve("whole");
    runner(yaml, whole, null, false).run();
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], whole, d[3])))
        .hasMessageContaining(whole + " holds an unsharded run");
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], tmp, d[3])))
        .hasMessageContaining(tmp + " is not a shard folder: it has no run.json");
    assertThat(out).doesNotExist(); // nothing written by a refused merge
  }

  /** merge's output folder: a user's files are never written over; a merge that fails says so in run.json. */
  @Test
  void mergeRefusesAFolderWithOtherFilesAndMarksAFailedMerge() throws IOException {
    String yaml = BASE.replace("TRACE", "full");
    Path[] d = shards(yaml, tmp.resolve("sh"), 3);
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("trace.csv"), "my own notes\n");
    assertThatThrownBy(() -> ShardMerge.merge(mine, List.of(d[1], d[2], d[3])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(mine + " is not empty and is not a nas4j result folder")
        .hasMessageContaining("trace.csv");
    assertThat(Files.readString(mine.resolve("trace.csv"))).isEqualTo("my own notes\n");
    assertThat(OutputFolders.files(mine)).containsExactly("trace.csv");

    // a shard that lost its trace.csv (trace: full) passes the checks of its part files but fails while merging
    Path broken = tmp.resolve("broken");
    OutputFolders.copy(d[2], broken);
    Files.delete(broken.resolve("trace.csv"));
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> ShardMerge.merge(out, List.of(d[1], broken, d[3])))
        .hasMessageContaining("shard " + broken + " has no trace.csv");
    String json = Files.readString(out.resolve("run.json"));
    assertThat(json).contains("\"status\" : \"failed\"").contains("run nas4j merge again");
    // merged again with the right shard: complete, and the same as a clean merge
    ShardMerge.merge(out, List.of(d[1], d[2], d[3]));
    Path clean = tmp.resolve("clean");
    ShardMerge.merge(clean, List.of(d[1], d[2], d[3]));
    OutputFolders.assertSame(clean, out);
  }
}
