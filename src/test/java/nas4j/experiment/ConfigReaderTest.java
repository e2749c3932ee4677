package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import nas4j.bench.Budget;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.search.StrategyRegistry;
import nas4j.space.ValidityRule;
import nas4j.testing.TestRandomProvider;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  static final Path FILE = Path.of("exp.yaml");

  static final String GOOD = String.join("\n",
      "name: demo",
      "budget: {seconds: 1e7}",
      "repeat: fixed:1",
      "duplicates: replay",
      "validity: raw-edges-first",
      "strategies:",
      "  - strategy: test-random",
      "    label: RS",
      "    params: {sampler: uniform}",
      "  - strategy: test-random",
      "    label: RS-raw",
      "    validity: api",
      "seeds: [3, 1, 4]",
      "experiment_seed: 7",
      "trace: full",
      "");

  static ConfigException error(String yaml) {
    try {
      Experiment.resolve(ConfigReader.parse(FILE, yaml), StrategyRegistry.load(), Experiment.Overrides.NONE);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void bindsAGoodFileWithDefaultsAndOverrides() {
    Experiment e = Experiment.resolve(ConfigReader.parse(FILE, GOOD), StrategyRegistry.load(),
        new Experiment.Overrides(3, null, null));
    assertThat(e.name()).isEqualTo("demo");
    assertThat(e.budget()).isEqualTo(Budget.seconds(1e7));
    assertThat(e.seeds()).containsExactly(3L, 1L, 4L);
    assertThat(e.experimentSeed()).isEqualTo(7);
    assertThat(e.threads()).isEqualTo(3);
    assertThat(e.trace()).isEqualTo(TraceMode.FULL);
    assertThat(e.epochs()).isEqualTo(108);
    assertThat(e.output()).isEqualTo(Path.of("results", "demo"));
    assertThat(e.benchmarkFile()).isNull();
    BoundStrategy rs = e.strategies().get(0);
    assertThat(rs.params()).isEqualTo(new TestRandomProvider.Params("uniform", true));
    assertThat(rs.oracle().repeatPolicy()).isEqualTo(RepeatPolicy.fixed(1));
    assertThat(rs.oracle().duplicates()).isEqualTo(DuplicatePolicy.REPLAY);
    assertThat(rs.oracle().validity()).isEqualTo(ValidityRule.RAW_EDGES_FIRST);
    assertThat(e.strategies().get(1).oracle().validity()).isEqualTo(ValidityRule.API);
    assertThat(e.strategies().get(1).params()).isEqualTo(new TestRandomProvider().defaults());
  }

  @Test
  void seedCountAndQueryBudget() {
    Experiment e = Experiment.resolve(ConfigReader.parse(FILE, "name: x\nbudget: {queries: 150}\n"
        + "strategies: [{strategy: test-random}]\nseeds: 4\n"), StrategyRegistry.load(), Experiment.Overrides.NONE);
    assertThat(e.seeds()).containsExactly(0L, 1L, 2L, 3L);
    assertThat(e.budget()).isEqualTo(Budget.queries(150));
    assertThat(e.strategies().get(0).label()).isEqualTo("test-random");
  }

  @Test
  void unknownTopLevelKeyNamesLineColumnAndAllowedKeys() {
    ConfigException e = error(GOOD.replace("experiment_seed: 7", "experiment_sed: 7"));
    assertThat(e.getMessage()).startsWith("exp.yaml:14:1: unknown key 'experiment_sed'")
        .contains("allowed keys:").contains("experiment_seed").contains("budget");
  }

  @Test
  void unknownKeyInsideAStrategyEntry() {
    ConfigException e = error(GOOD.replace("    label: RS\n", "    lable: RS\n"));
    assertThat(e.getMessage()).startsWith("exp.yaml:8:5: unknown key 'lable' in strategies[0]")
        .contains("label").contains("params");
  }

  @Test
  void wrongType() {
    ConfigException e = error(GOOD.replace("experiment_seed: 7", "experiment_seed: seven"));
    assertThat(e.getMessage()).startsWith("exp.yaml:14:18: experiment_seed:").contains("integer");
    ConfigException f = error(GOOD.replace("name: demo", "name: demo\nepochs: 10.5"));
    assertThat(f.getMessage()).startsWith("exp.yaml:2:9: epochs:").contains("integer");
  }

  @Test
  void badEnumValueListsTheAllowedOnes() {
    ConfigException e = error(GOOD.replace("duplicates: replay", "duplicates: sometimes"));
    assertThat(e.getMessage()).startsWith("exp.yaml:4:13: duplicates: 'sometimes' is not allowed")
        .contains("charge, replay, reject");
    ConfigException v = error(GOOD.replace("validity: raw-edges-first", "validity: raw"));
    assertThat(v.getMessage()).startsWith("exp.yaml:5:11:").contains("api, raw-edges-first");
    ConfigException r = error(GOOD.replace("repeat: fixed:1", "repeat: fixed:7"));
    assertThat(r.getMessage()).startsWith("exp.yaml:3:9:").contains("repeats 0, 1, 2");
    ConfigException t = error(GOOD.replace("trace: full", "trace: everything"));
    assertThat(t.getMessage()).startsWith("exp.yaml:15:8:").contains("full, thinned, none");
  }

  @Test
  void badBudgets() {
    assertThat(error(GOOD.replace("{seconds: 1e7}", "{minutes: 5}")).getMessage())
        .startsWith("exp.yaml:2:").contains("unknown key 'minutes' in budget").contains("seconds, queries, epochs");
    assertThat(error(GOOD.replace("{seconds: 1e7}", "{seconds: -3}")).getMessage())
        .startsWith("exp.yaml:2:19:").contains("positive");
    assertThat(error(GOOD.replace("{seconds: 1e7}", "{seconds: 10, queries: 5}")).getMessage())
        .startsWith("exp.yaml:2:").contains("two limits");
    assertThat(error(GOOD.replace("{seconds: 1e7}", "{queries: 1.5}")).getMessage()).contains("whole number");
    assertThat(error(GOOD.replace("{seconds: 1e7}", "10000")).getMessage())
        .startsWith("exp.yaml:2:9: budget: expected a map with exactly one of seconds, queries, epochs");
    assertThat(error(GOOD.replace("budget: {seconds: 1e7}\n", "")).getMessage()).contains("missing key 'budget'");
  }

  @Test
  void unknownStrategyListsTheKnownOnes() {
    ConfigException e = error(GOOD.replace("  - strategy: test-random\n    label: RS\n",
        "  - strategy: simulated-annealing\n    label: RS\n"));
    assertThat(e.getMessage()).startsWith("exp.yaml:7:5: unknown strategy 'simulated-annealing'; known:")
        .contains("test-random");
  }

  @Test
  void badStrategyParameters() {
    ConfigException unknown = error(GOOD.replace("{sampler: uniform}", "{sampler: uniform, populaton: 3}"));
    assertThat(unknown.getMessage()).startsWith("exp.yaml:9:43: strategy 'test-random' (label RS) has no parameter"
        + " 'populaton'; known parameters: sampler, resample, pause_ms");
    ConfigException type = error(GOOD.replace("{sampler: uniform}", "{resample: maybe}"));
    assertThat(type.getMessage()).startsWith("exp.yaml:9:24:").contains("parameter 'resample'")
        .contains("true or false");
    ConfigException value = error(GOOD.replace("{sampler: uniform}", "{sampler: gaussian}"));
    assertThat(value.getMessage()).startsWith("exp.yaml:9:23:").contains("sampler must be matrix or uniform");
  }

  @Test
  void strategyEnumParametersAcceptConfigNamesAndConstantNamesAndPresets() {
    String yaml = "name: x\nbudget: {queries: 150}\nstrategies:\n"
        + "  - {strategy: random-search, label: A, params: {invalid: record-and-drop, sampler: UNIFORM}}\n"
        + "  - {strategy: regularized-evolution, label: B, preset: notebook, params: {tournament_sampling: with_replacement}}\n"
        + "seeds: 1\n";
    Experiment e = Experiment.resolve(ConfigReader.parse(FILE, yaml), StrategyRegistry.load(), Experiment.Overrides.NONE);
    assertThat(e.strategies().get(0).paramsMap()).containsEntry("invalid", "record-and-drop")
        .containsEntry("sampler", "uniform");
    assertThat(e.strategies().get(1).paramsMap()).containsEntry("tournament_sampling", "with-replacement")
        .containsEntry("population_size", 50); // from the notebook preset
    ConfigException bad = error(yaml.replace("record-and-drop", "sometimes"));
    assertThat(bad.getMessage()).startsWith("exp.yaml:4:").contains("parameter 'invalid'")
        .contains("'sometimes' is not one of resample, record-and-drop");
    ConfigException preset = error(yaml.replace("preset: notebook", "preset: nope"));
    assertThat(preset.getMessage()).startsWith("exp.yaml:5:").contains("has no preset 'nope'")
        .contains("notebook");
  }

  @Test
  void duplicateLabelsAndBadSeeds() {
    assertThat(error(GOOD.replace("label: RS-raw", "label: RS")).getMessage())
        .startsWith("exp.yaml:10:5: label 'RS' is used twice");
    assertThat(error(GOOD.replace("seeds: [3, 1, 4]", "seeds: [3, 1, 3]")).getMessage())
        .startsWith("exp.yaml:13:15: seeds: seed 3 is listed twice");
    assertThat(error(GOOD.replace("seeds: [3, 1, 4]", "seeds: 0")).getMessage()).startsWith("exp.yaml:13:8:");
    assertThat(error(GOOD.replace("seeds: [3, 1, 4]", "seeds: many")).getMessage()).contains("a count");
  }

  @Test
  void syntaxErrorsAndMissingBenchmarkFile() {
    assertThat(error("name: x\n  budget: [\n").getMessage()).startsWith("exp.yaml:").contains("YAML");
    assertThat(error("name: x\nname: y\n").getMessage()).contains("twice");
    assertThat(error(GOOD.replace("name: demo", "name: demo\nbenchmark: no/such/file.tfrecord")).getMessage())
        .startsWith("exp.yaml:2:1: benchmark file").contains("does not exist");
  }

  @Test
  void shippedExperimentFilesParse() {
    StrategyRegistry registry = StrategyRegistry.load();
    for (String f : java.util.List.of("quickstart", "nasbench101-paper", "naszilla-150-queries")) {
      ConfigReader.Parsed p = ConfigReader.read(Path.of("experiments", f + ".yaml"));
      assertThat(p.config().name()).isEqualTo(f);
      boolean known = p.config().strategies().stream().allMatch(s -> registry.names().contains(s.strategy()));
      if (known) { // the real strategies are merged: the files must bind completely
        assertThat(Experiment.resolve(p, registry, Experiment.Overrides.NONE).runCount()).isPositive();
      }
    }
  }
}
