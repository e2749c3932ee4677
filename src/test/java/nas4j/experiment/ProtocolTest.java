package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.search.LocalSearchParameters;
import nas4j.search.StrategyRegistry;
import nas4j.search.jenetics.RegularizedEvolutionParameters;
import nas4j.space.ValidityRule;
import nas4j.bench.io.SyntheticBenchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protocol:} sets a publication's whole protocol; explicit keys override it; run.json records it. */
class ProtocolTest {
  static final Path FILE = Path.of("exp.yaml");
  @TempDir
  Path tmp;

  static Experiment resolve(String... lines) {
    String yaml = String.join("\n", lines) + "\n";
    return Experiment.resolve(ConfigReader.parse(FILE, yaml), StrategyRegistry.load(), Experiment.Overrides.NONE);
  }

  static Experiment withProtocol(String protocol, String... extra) {
    List<String> l = new java.util.ArrayList<>(List.of("name: p", "protocol: " + protocol, "budget: {queries: 150}",
        "seeds: 2"));
    l.addAll(List.of(extra));
    if (l.stream().noneMatch(s -> s.startsWith("strategies:"))) {
      l.add("strategies: [{strategy: regularized-evolution, label: RE}, {strategy: local-search, label: LS},"
          + " {strategy: reinforce, label: RL}]");
    }
    return resolve(l.toArray(String[]::new));
  }

  /** The published protocols, as docs/protocols.md sets them out from the papers' code. */
  @Test
  void eachProtocolSetsItsPublicationsValues() {
    Experiment nb = withProtocol("nas-benchmarks");
    assertThat(nb.protocol()).isEqualTo(Protocol.NAS_BENCHMARKS);
    assertThat(nb.report()).isEqualTo(TestReport.MEAN);
    assertThat(nb.checkpoints()).isEqualTo(Checkpoints.LOG);
    assertThat(nb.incumbent()).isEqualTo(IncumbentRule.ANY_BUDGET); // get_results walks every recorded query
    for (BoundStrategy s : nb.strategies()) {
      assertThat(s.oracle().validity()).isEqualTo(ValidityRule.RAW_EDGES_FIRST);
      assertThat(s.oracle().repeatPolicy()).isEqualTo(RepeatPolicy.SAMPLE);
      assertThat(s.oracle().duplicates()).isEqualTo(DuplicatePolicy.CHARGE);
    }
    assertThat(nb.strategies().get(0).preset()).isEqualTo("paper");
    assertThat(nb.strategies().get(0).params()).isEqualTo(RegularizedEvolutionParameters.defaults());
    assertThat(nb.strategies().get(1).preset()).isNull(); // local search has no nas_benchmarks preset
    assertThat(nb.strategies().get(2).preset()).isEqualTo("nas_benchmarks");

    Experiment notebook = withProtocol("notebook");
    assertThat(notebook.incumbent()).isEqualTo(IncumbentRule.FINAL_BUDGET);
    assertThat(notebook.report()).isEqualTo(TestReport.QUERIED_REPEAT);
    assertThat(notebook.checkpoints().seconds()).isEqualTo(Checkpoints.Grid.every(10_000));
    assertThat(notebook.checkpoints().queries().isLog()).isTrue();
    assertThat(notebook.strategies().get(0).oracle().validity()).isEqualTo(ValidityRule.API);
    assertThat(notebook.strategies().get(0).oracle().repeatPolicy()).isEqualTo(RepeatPolicy.SAMPLE);
    assertThat(notebook.strategies().get(0).params()).isEqualTo(RegularizedEvolutionParameters.notebook());
    assertThat(notebook.strategies().get(1).params()).isEqualTo(LocalSearchParameters.defaults());

    Experiment nz = withProtocol("naszilla");
    assertThat(nz.report()).isEqualTo(TestReport.MEAN_DISTINCT);
    assertThat(nz.checkpoints().queries()).isEqualTo(Checkpoints.Grid.every(10));
    assertThat(nz.strategies().get(0).oracle().repeatPolicy()).isEqualTo(RepeatPolicy.MEAN_DISTINCT);
    assertThat(nz.strategies().get(0).oracle().validity()).isEqualTo(ValidityRule.API);
    assertThat(nz.strategies().get(0).params()).isEqualTo(RegularizedEvolutionParameters.naszilla());
    assertThat(nz.strategies().get(1).preset()).isEqualTo("naszilla");
    assertThat(nz.strategies().get(2).preset()).isNull();

    Experiment nl = withProtocol("naslib");
    assertThat(nl.report()).isEqualTo(TestReport.FRESH_REPEAT);
    assertThat(nl.checkpoints().queries()).isEqualTo(Checkpoints.Grid.every(1));
    assertThat(nl.strategies().get(0).oracle().repeatPolicy()).isEqualTo(RepeatPolicy.SAMPLE);
    assertThat(nl.strategies().get(0).params()).isEqualTo(RegularizedEvolutionParameters.naslib());
    assertThat(nl.strategies().get(1).params()).isEqualTo(LocalSearchParameters.naslib());

    Experiment none = resolve("name: p", "budget: {queries: 5}", "seeds: 1",
        "strategies: [{strategy: regularized-evolution}]");
    assertThat(none.protocol()).isNull();
    assertThat(none.report()).isEqualTo(TestReport.MEAN);
    assertThat(none.strategies().get(0).oracle().validity()).isEqualTo(ValidityRule.API);
    assertThat(none.strategies().get(0).preset()).isNull();
  }

  @Test
  void explicitKeysOverrideTheProtocol() {
    Experiment e = withProtocol("naszilla", "repeat: mean", "report: mean", "checkpoints: {queries: [50, 150]}",
        "strategies:",
        "  - {strategy: regularized-evolution, label: RE, preset: notebook, validity: raw-edges-first}",
        "  - {strategy: local-search, label: LS, params: {num_init: 20}}");
    assertThat(e.report()).isEqualTo(TestReport.MEAN);
    assertThat(e.checkpoints().queries()).isEqualTo(Checkpoints.Grid.of(List.of(50.0, 150.0)));
    BoundStrategy re = e.strategies().get(0);
    assertThat(re.preset()).isEqualTo("notebook");
    assertThat(re.params()).isEqualTo(RegularizedEvolutionParameters.notebook());
    assertThat(re.oracle().validity()).isEqualTo(ValidityRule.RAW_EDGES_FIRST);
    assertThat(re.oracle().repeatPolicy()).isEqualTo(RepeatPolicy.MEAN);
    BoundStrategy ls = e.strategies().get(1);
    assertThat(ls.preset()).isEqualTo("naszilla");
    assertThat(((LocalSearchParameters) ls.params()).numInit()).isEqualTo(20);
    assertThat(ls.oracle().validity()).isEqualTo(ValidityRule.API);
  }

  @Test
  void badProtocolAndCheckpointValuesAreNamed() {
    assertThatThrownBy(() -> withProtocol("bananas")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("exp.yaml:2").hasMessageContaining("'bananas' is not allowed")
        .hasMessageContaining("nas-benchmarks, notebook, naszilla, naslib");
    assertThatThrownBy(() -> withProtocol("naszilla", "checkpoints: {queries: [10, 5]}"))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> withProtocol("naszilla", "checkpoints: {queries: {step: 2.5}}"))
        .hasMessageContaining("whole numbers");
    assertThatThrownBy(() -> withProtocol("naszilla", "checkpoints: {epochs: [10]}"))
        .hasMessageContaining("unknown key 'epochs' in checkpoints");
    assertThatThrownBy(() -> withProtocol("naszilla", "report: median"))
        .hasMessageContaining("mean, queried-repeat, fresh-repeat, mean-distinct");
  }

  @Test
  void runJsonRecordsTheResolvedProtocolAndTheSummaryReportsAtItsCheckpoints() throws IOException {
    Benchmark bench = SyntheticBenchmarks.smooth(5);
    String yaml = String.join("\n", "name: p", "protocol: naszilla", "budget: {queries: 40}", "seeds: 4",
        "strategies: [{strategy: test-random, label: A}]", "");
    Experiment e = Experiment.resolve(ConfigReader.parse(tmp.resolve("p.yaml"), yaml), StrategyRegistry.load(),
        new Experiment.Overrides(1, tmp.resolve("out"), null));
    ExperimentRunner.Report rep = new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
        ExperimentRunner.Options.quiet()).run();
    JsonNode run = new ObjectMapper().readTree(tmp.resolve("out/run.json").toFile());
    JsonNode config = run.path("config");
    assertThat(config.path("protocol").asText()).isEqualTo("naszilla");
    assertThat(config.path("report").asText()).isEqualTo("mean-distinct");
    assertThat(config.path("checkpoints").path("queries").path("step").asLong()).isEqualTo(10);
    assertThat(config.path("checkpoints").path("seconds").asText()).isEqualTo("log");
    JsonNode a = config.path("strategies").get(0);
    assertThat(a.path("repeat").asText()).isEqualTo("mean-distinct");
    assertThat(a.path("validity").asText()).isEqualTo("api");
    assertThat(a.path("duplicates").asText()).isEqualTo("charge");
    assertThat(a.path("preset").asText()).isEqualTo("defaults");
    assertThat(run.path("regret_optimum").path("report").asText()).isEqualTo("mean-distinct");
    assertThat(run.path("regret_optimum").path("best_test").asDouble())
        .isEqualTo(TestReport.MEAN_DISTINCT.optimum(bench).bestTest());

    // summary rows at 10, 20, 30, 40 charged queries; the row at 40 is the mean of runs.csv's final test regret
    List<String[]> summary = Files.readAllLines(tmp.resolve("out/summary.csv")).stream().skip(1)
        .map(l -> l.split(",", -1)).filter(r -> r[1].equals("queries")).toList();
    assertThat(summary.stream().map(r -> r[2]).toList()).containsExactly("10", "20", "30", "40");
    double runsMean = Files.readAllLines(tmp.resolve("out/runs.csv")).stream().skip(1)
        .mapToDouble(l -> Double.parseDouble(l.split(",", -1)[12])).average().orElseThrow();
    assertThat(Double.parseDouble(summary.get(3)[5])).isCloseTo(runsMean, within(1e-15));
    assertThat(rep.shortTable()).contains("mean ± se at q=40");
  }

  @Test
  void timeBudgetGivesTheSameFinalValueInRunsSummaryAndPrintedTable() throws IOException {
    Benchmark bench = SyntheticBenchmarks.smooth(5);
    String yaml = String.join("\n", "name: p", "budget: {seconds: 20000}", "seeds: 6",
        "strategies: [{strategy: test-random, label: A}]", "");
    Experiment e = Experiment.resolve(ConfigReader.parse(tmp.resolve("p.yaml"), yaml), StrategyRegistry.load(),
        new Experiment.Overrides(1, tmp.resolve("t"), null));
    ExperimentRunner.Report rep = new ExperimentRunner(e, BenchmarkSource.of(bench, null, null, true),
        ExperimentRunner.Options.quiet()).run();
    List<String[]> runs = Files.readAllLines(tmp.resolve("t/runs.csv")).stream().skip(1)
        .map(l -> l.split(",", -1)).toList();
    // every run ends with the query that crossed 20,000 s, and runs.csv counts it
    assertThat(runs).allSatisfy(r -> assertThat(Double.parseDouble(r[6])).isGreaterThan(20_000));
    double runsMean = runs.stream().mapToDouble(r -> Double.parseDouble(r[12])).average().orElseThrow();
    List<String[]> time = Files.readAllLines(tmp.resolve("t/summary.csv")).stream().skip(1)
        .map(l -> l.split(",", -1)).filter(r -> r[1].equals("time")).toList();
    String[] last = time.get(time.size() - 1);
    assertThat(Double.parseDouble(last[2])).isEqualTo(20_000.0);
    assertThat(Double.parseDouble(last[5])).isCloseTo(runsMean, within(1e-15));
    // the printed end column: the same mean, in % points
    assertThat(rep.shortTable()).contains("mean ± se at t=2.00e+04 s")
        .contains(
            String.format(java.util.Locale.ROOT, "  %.3f ± ", 100 * runsMean));
  }
}
