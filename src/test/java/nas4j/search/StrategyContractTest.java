package nas4j.search;

import nas4j.search.InvalidHandling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.QueryRecord;
import nas4j.search.external.ExternalParameters;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every registered strategy (built-in and any other provider on the class path) against small oracles:
 * the budget is never exceeded beyond the one crossing query, the same seed gives the same query sequence, and
 * a strategy whose invalid handling is {@code resample} (or that has no such knob) queries only valid cells.
 */
class StrategyContractTest {
  static Benchmark bench;

  @BeforeAll
  static void load() {
    bench = SearchFixtures.smooth();
  }

  /** Every registered strategy but {@code test-replay}, which replays a recorded log and has no behaviour of its own. */
  static Stream<String> strategies() {
    return StrategyRegistry.load().names().stream().filter(n -> !n.equals("test-replay"));
  }

  @Test
  void builtInStrategiesAreRegisteredAndUnknownNamesListTheKnownOnes() {
    StrategyRegistry r = StrategyRegistry.load();
    assertThat(r.names()).contains("random-search", "local-search", "reinforce", "external");
    assertThatThrownBy(() -> r.provider("no-such-strategy")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown strategy 'no-such-strategy'").hasMessageContaining("random-search");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void providerIsWellFormed(String name) {
    StrategyProvider<?> p = StrategyRegistry.load().provider(name);
    assertThat(p.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(p.description()).isNotBlank();
    assertThat(p.parametersType().isRecord()).isTrue();
    assertThat(p.defaults()).isInstanceOf(p.parametersType());
    p.presets().values().forEach(v -> assertThat(v).isInstanceOf(p.parametersType()));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void queryBudgetIsNeverExceededAndRunsAreReproducible(String name) {
    for (ValidityRule rule : ValidityRule.values()) {
      List<QueryRecord> a = run(name, defaults(name), Budget.queries(150), rule, 11);
      List<QueryRecord> b = run(name, defaults(name), Budget.queries(150), rule, 11);
      assertThat(a.stream().filter(r -> r.observation().cost() > 0).count()).as(name).isEqualTo(150);
      assertThat(sequence(b)).as(name + " same seed, same queries").isEqualTo(sequence(a));
      List<QueryRecord> c = run(name, defaults(name), Budget.queries(150), rule, 12);
      assertThat(sequence(c)).as(name + " another seed").isNotEqualTo(sequence(a));
    }
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void secondsBudgetIsExceededOnlyByTheCrossingQuery(String name) {
    double limit = 60_000;
    List<QueryRecord> recs = run(name, defaults(name), Budget.seconds(limit), ValidityRule.RAW_EDGES_FIRST, 3);
    double before = 0;
    QueryRecord last = null;
    for (QueryRecord r : recs) {
      assertThat(before).as(name + ": a query started after the budget was spent").isLessThan(limit);
      before = r.timeSpent();
      last = r;
    }
    assertThat(last).isNotNull();
    assertThat(last.timeSpent()).isGreaterThanOrEqualTo(limit);
    assertThat(last.observation().cost()).as("the last query is the crossing one").isPositive();
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void resampleQueriesOnlyValidCells(String name) {
    Record params = withInvalidHandling(defaults(name), InvalidHandling.RESAMPLE);
    for (ValidityRule rule : ValidityRule.values()) {
      List<QueryRecord> recs = run(name, params, Budget.queries(200), rule, 5);
      assertThat(recs).as(name + " under " + rule).allMatch(r -> r.observation().status()
          != Observation.Status.INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void recordAndDropChargesNothingForInvalidCells(String name) {
    Record params = withInvalidHandling(defaults(name), InvalidHandling.RECORD_AND_DROP);
    List<QueryRecord> recs = run(name, params, Budget.queries(200), ValidityRule.RAW_EDGES_FIRST, 5);
    recs.stream().filter(r -> !r.observation().valid())
        .forEach(r -> assertThat(r.observation().cost()).isZero());
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The defaults, except for {@code external}, whose command must be given: the example random search in Python
   * (so the protocol is held to the same contract; needs python3).
   */
  static Record defaults(String name) {
    if (name.equals("external")) {
      return new ExternalParameters("python3 examples/python/random_search.py", 60);
    }
    return StrategyRegistry.load().provider(name).defaults();
  }

  static List<QueryRecord> run(String name, Record params, Budget budget, ValidityRule rule, long seed) {
    StrategyProvider<?> p = StrategyRegistry.load().provider(name);
    Benchmark b = fidelities(p, params).length > 0 ? SearchFixtures.smoothAllBudgets() : bench;
    Oracle o = SearchFixtures.oracle(b, budget, rule, 99);
    return SearchFixtures.run(create(p, params), o, seed);
  }

  static <P extends Record> SearchStrategy create(StrategyProvider<P> p, Record params) {
    return p.create(p.parametersType().cast(params));
  }

  static <P extends Record> int[] fidelities(StrategyProvider<P> p, Record params) {
    return p.fidelities(p.parametersType().cast(params));
  }

  static List<String> sequence(List<QueryRecord> recs) {
    return recs.stream().map(r -> r.observation().status() + " " + Objects.toString(r.observation().hash()))
        .collect(Collectors.toList());
  }

  /** The record with every {@link InvalidHandling} component set to {@code h} (unchanged if it has none). */
  static Record withInvalidHandling(Record params, InvalidHandling h) {
    try {
      RecordComponent[] comps = params.getClass().getRecordComponents();
      Object[] values = new Object[comps.length];
      Class<?>[] types = new Class<?>[comps.length];
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
        values[i] = types[i] == InvalidHandling.class ? h : comps[i].getAccessor().invoke(params);
      }
      Constructor<?> ctor = params.getClass().getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return (Record) ctor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot rebuild " + params, e);
    }
  }
}
