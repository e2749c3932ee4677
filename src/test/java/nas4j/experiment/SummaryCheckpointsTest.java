package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nas4j.bench.Budget;
import org.junit.jupiter.api.Test;

/** Checkpoint grids and the rule for the query that crosses a time budget, on hand-made runs. */
class SummaryCheckpointsTest {

  /** One run: rows (charged, time, test regret), validation regret = test regret + 1. */
  static RunSteps steps(int strategy, long seed, long[] charged, double[] time, double[] test) {
    double[] valid = new double[test.length];
    for (int i = 0; i < test.length; i++) {
      valid[i] = test[i] + 1;
    }
    return new RunSteps(new RunKey(strategy, "S" + strategy, seed), charged, time, valid, test);
  }

  static List<String[]> rows(SummaryTable t, String axis) {
    return t.toCsv().lines().skip(1).map(l -> l.split(",", -1)).filter(r -> r[1].equals(axis)).toList();
  }

  @Test
  void queryCheckpointsEveryTenUpToTheBudget() {
    // two runs of 150 charged queries; incumbent changes at queries 5, 60, 150 and 1, 149
    RunSteps r0 = steps(0, 0, new long[] {5, 60, 150}, new double[] {50, 600, 1500}, new double[] {0.5, 0.2, 0.1});
    RunSteps r1 = steps(0, 1, new long[] {1, 149, 150}, new double[] {10, 1490, 1500}, new double[] {0.4, 0.3, 0.3});
    SummaryTable t = SummaryTable.of(List.of("S0"), List.of(r0, r1),
        new Checkpoints(null, Checkpoints.Grid.every(10)), Budget.queries(150));
    List<String[]> q = rows(t, "queries");
    assertThat(q.stream().map(r -> r[2]).toList()).containsExactly("10", "20", "30", "40", "50", "60", "70", "80",
        "90", "100", "110", "120", "130", "140", "150");
    // at 10: run 0 has 0.5, run 1 has 0.4 → mean 0.45; at 140: 0.2 and 0.4 → 0.3; at 150: 0.1 and 0.3 → 0.2
    assertThat(Double.parseDouble(q.get(0)[5])).isCloseTo(0.45, within(1e-15));
    assertThat(Double.parseDouble(q.get(13)[5])).isCloseTo(0.3, within(1e-15));
    assertThat(Double.parseDouble(q.get(14)[5])).isCloseTo(0.2, within(1e-15));
    // the printed table is on the queries axis and ends at q=150 with the same mean
    String printed = t.shortTable(3);
    assertThat(printed).contains("by charged queries").contains("q=120").contains("q=140").doesNotContain("q=110")
        .contains("mean ± se at q=150");
    assertThat(printed.lines().filter(l -> l.startsWith("S0")).findFirst().orElseThrow()).contains("20.000 ± 10.000"); // % points: mean 0.2, se 0.1414/√2
  }

  @Test
  void logGridEndsAtTheQueryBudgetNotBeyond() {
    RunSteps r0 = steps(0, 0, new long[] {1, 150}, new double[] {1, 2}, new double[] {0.5, 0.25});
    SummaryTable t = SummaryTable.of(List.of("S0"), List.of(r0), Checkpoints.LOG, Budget.queries(150));
    List<String> xs = rows(t, "queries").stream().map(r -> r[2]).toList();
    // round(10^(k/10)) up to 126, then the budget itself (the log grid's next point would be 158)
    assertThat(xs).endsWith("100", "126", "150").doesNotContain("158");
    assertThat(Double.parseDouble(rows(t, "queries").get(xs.size() - 1)[5])).isEqualTo(0.25);
  }

  @Test
  void explicitCheckpointListGetsTheBudgetAdded() {
    RunSteps r0 = steps(0, 0, new long[] {3, 40}, new double[] {30, 400}, new double[] {0.5, 0.25});
    SummaryTable t = SummaryTable.of(List.of("S0"), List.of(r0),
        new Checkpoints(null, Checkpoints.Grid.of(List.of(2.0, 3.0, 30.0))), Budget.queries(40));
    assertThat(rows(t, "queries").stream().map(r -> r[2]).toList()).containsExactly("2", "3", "30", "40");
    List<String[]> q = rows(t, "queries");
    assertThat(q.get(0)[4]).isEqualTo("0"); // no incumbent yet at 2 queries
    assertThat(q.get(0)[5]).isEmpty();
    assertThat(Double.parseDouble(q.get(1)[5])).isEqualTo(0.5);
    assertThat(Double.parseDouble(q.get(3)[5])).isEqualTo(0.25);
  }

  @Test
  void theQueryThatCrossesATimeBudgetCountsAtTheBudget() {
    // budget 1000 s; run 0's last query ends at 1040 s (crossing) and improves regret to 0.1; run 1 ends at 1000
    RunSteps r0 = steps(0, 0, new long[] {1, 5, 9}, new double[] {100, 500, 1040}, new double[] {0.5, 0.3, 0.1});
    RunSteps r1 = steps(0, 1, new long[] {1, 8}, new double[] {120, 1000}, new double[] {0.4, 0.2});
    SummaryTable t = SummaryTable.of(List.of("S0"), List.of(r0, r1), Checkpoints.LOG, Budget.seconds(1000));
    List<String[]> time = rows(t, "time");
    String[] last = time.get(time.size() - 1);
    assertThat(Double.parseDouble(last[2])).isEqualTo(1000.0); // the grid ends at the budget
    // at x = 1000: run 0's final value 0.1 (the crossing query counts), run 1's 0.2 → mean 0.15 = runs.csv's mean
    assertThat(Double.parseDouble(last[5])).isCloseTo(0.15, within(1e-15));
    // just below the budget (794 s) run 0 still has 0.3
    String[] before = time.get(time.size() - 2);
    assertThat(Double.parseDouble(before[2])).isCloseTo(Math.pow(10, 2.9), within(1e-9));
    assertThat(Double.parseDouble(before[5])).isCloseTo((0.3 + 0.4) / 2, within(1e-15));
    // the printed end column is the same mean
    assertThat(t.shortTable(5)).contains("mean ± se at t=1.00e+03 s");
    assertThat(t.shortTable(5).lines().filter(l -> l.startsWith("S0")).findFirst().orElseThrow())
        .contains("15.000 ± 5.000"); // % points: mean 0.15, se 0.0707/√2
  }

  @Test
  void timeCheckpointsByStep() {
    RunSteps r0 = steps(0, 0, new long[] {1, 2}, new double[] {15_000, 31_000}, new double[] {0.5, 0.25});
    SummaryTable t = SummaryTable.of(List.of("S0"), List.of(r0),
        new Checkpoints(Checkpoints.Grid.every(10_000), null), Budget.seconds(30_000));
    List<String[]> time = rows(t, "time");
    assertThat(time.stream().map(r -> Double.parseDouble(r[2])).toList()).containsExactly(10_000.0, 20_000.0, 30_000.0);
    assertThat(time.get(0)[5]).isEmpty();
    assertThat(Double.parseDouble(time.get(1)[5])).isEqualTo(0.5);
    assertThat(Double.parseDouble(time.get(2)[5])).isEqualTo(0.25); // crossing query at 31,000 s counts
  }

  @Test
  void runsOfAStrategyGivenApartAreSummarizedTogether() {
    // strategy 0's runs come before and after strategy 1's; query checkpoints every 10 up to the budget of 20
    RunSteps a0 = steps(0, 0, new long[] {1, 20}, new double[] {1, 2}, new double[] {0.5, 0.1});
    RunSteps b0 = steps(1, 0, new long[] {1, 20}, new double[] {1, 2}, new double[] {0.9, 0.8});
    RunSteps a1 = steps(0, 1, new long[] {5, 20}, new double[] {1, 2}, new double[] {0.3, 0.2});
    SummaryTable t = SummaryTable.of(List.of("S0", "S1"), List.of(a0, b0, a1),
        new Checkpoints(null, Checkpoints.Grid.every(10)), Budget.queries(20));
    List<String[]> q = rows(t, "queries");
    // S0 at 10: 0.5 and 0.3 → mean 0.4, 2 runs; at 20: 0.1 and 0.2 → 0.15; S1 at 10 and 20: its one run
    assertThat(q.stream().map(r -> r[0] + "@" + r[2] + ":" + r[3]).toList())
        .containsExactly("S0@10:2", "S0@20:2", "S1@10:1", "S1@20:1");
    assertThat(Double.parseDouble(q.get(0)[5])).isCloseTo(0.4, within(1e-15));
    assertThat(Double.parseDouble(q.get(1)[5])).isCloseTo(0.15, within(1e-15));
    assertThat(Double.parseDouble(q.get(3)[5])).isEqualTo(0.8);
    // the builder behind it takes each strategy's runs together, so it refuses them apart
    SummaryTable.Builder b = new SummaryTable.Builder(List.of("S0", "S1"), SummaryTable.Extent.of(List.of(a0, b0, a1)),
        new Checkpoints(null, Checkpoints.Grid.every(10)), Budget.queries(20));
    b.add(a0);
    b.add(b0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.add(a1)).hasMessageContaining("S0");
  }
}
