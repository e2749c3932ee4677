package nas4j.search.jenetics;

import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.InvalidHandling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenetics.IntegerGene;
import io.jenetics.Phenotype;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.StrategyProvider;
import nas4j.search.StrategyRegistry;
import nas4j.space.CellSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protocol details of the Jenetics-based regularized evolution, and agreement with a plain reference loop. */
class RegularizedEvolutionTest {
  static Benchmark bench;

  @BeforeAll
  static void build() {
    bench = SyntheticBenchmarks.smooth(11);
  }

  /** Everything a listener saw for one birth, with the population before it (oldest first). */
  record Birth(Phenotype<IntegerGene, Double> parent, Phenotype<IntegerGene, Double> child,
      Phenotype<IntegerGene, Double> died, List<Phenotype<IntegerGene, Double>> before,
      List<Phenotype<IntegerGene, Double>> after) {}

  static List<Birth> births(RegularizedEvolutionParameters p, long queries, long seed) {
    return births(p, queries, seed, bench);
  }

  static List<Birth> births(RegularizedEvolutionParameters p, long queries, long seed, Benchmark on) {
    List<Birth> out = new ArrayList<>();
    List<List<Phenotype<IntegerGene, Double>>> last = new ArrayList<>();
    last.add(List.of());
    RegularizedEvolution re = new RegularizedEvolution(p, (parent, child, died, pop) -> {
      List<Phenotype<IntegerGene, Double>> after = copy(pop);
      out.add(new Birth(parent, child, died, last.get(0), after));
      last.set(0, after);
    });
    Runs.runToBudget(re, Runs.oracle(on, Budget.queries(queries), seed), seed);
    return out;
  }

  static List<Phenotype<IntegerGene, Double>> copy(Seq<Phenotype<IntegerGene, Double>> s) {
    List<Phenotype<IntegerGene, Double>> l = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      l.add(s.get(i));
    }
    return l;
  }

  static RegularizedEvolutionParameters with(RegularizedEvolutionParameters p, InvalidHandling inv) {
    return new RegularizedEvolutionParameters(p.populationSize(), p.initialSize(), p.tournamentSize(),
        p.tournamentSampling(), p.mutation(), p.edgeFlipProbability(), p.opChangeProbability(), inv,
        p.distinctInitial(), p.tieBreak());
  }

  // ------------------------------------------------------------------ parameters

  @Test
  void defaultsAreThePaperScript() {
    RegularizedEvolutionParameters d = RegularizedEvolutionParameters.defaults();
    assertThat(d.populationSize()).isEqualTo(100);
    assertThat(d.effectiveInitialSize()).isEqualTo(100);
    assertThat(d.tournamentSize()).isEqualTo(10);
    assertThat(d.tournamentSampling()).isEqualTo(TournamentSampling.WITH_REPLACEMENT);
    assertThat(d.mutation()).isEqualTo(MutationKind.ONE_VARIABLE);
    assertThat(d.invalid()).isEqualTo(InvalidHandling.RECORD_AND_DROP);
    assertThat(RegularizedEvolutionParameters.preset("paper")).isEqualTo(d);
  }

  @Test
  void presetsFollowTheProtocolsDoc() {
    RegularizedEvolutionParameters nb = RegularizedEvolutionParameters.preset("notebook");
    assertThat(nb.populationSize()).isEqualTo(50);
    assertThat(nb.tournamentSize()).isEqualTo(10);
    assertThat(nb.tournamentSampling()).isEqualTo(TournamentSampling.WITHOUT_REPLACEMENT);
    assertThat(nb.mutation()).isEqualTo(MutationKind.PER_VARIABLE);
    assertThat(nb.edgeFlipProbability()).isEqualTo(1.0 / 7);
    assertThat(nb.opChangeProbability()).isEqualTo(1.0 / 5);
    assertThat(nb.invalid()).isEqualTo(InvalidHandling.RESAMPLE);
    RegularizedEvolutionParameters nz = RegularizedEvolutionParameters.preset("naszilla");
    assertThat(nz.effectiveInitialSize()).isEqualTo(10);
    assertThat(nz.populationSize()).isEqualTo(29);
    assertThat(nz.edgeFlipProbability()).isEqualTo(1.0 / 21);
    assertThat(nz.distinctInitial()).isTrue();
    RegularizedEvolutionParameters nl = RegularizedEvolutionParameters.preset("NASLib");
    assertThat(nl.populationSize()).isEqualTo(50);
    assertThat(nl.opChangeProbability()).isEqualTo(1.0 / 3);
    assertThatThrownBy(() -> RegularizedEvolutionParameters.preset("darwin"))
        .hasMessageContaining("darwin").hasMessageContaining("notebook, naszilla, naslib");
  }

  @Test
  void badParametersNameTheParameterAndRange() {
    RegularizedEvolutionParameters d = RegularizedEvolutionParameters.defaults();
    assertThatThrownBy(() -> new RegularizedEvolutionParameters(1, 0, 10, d.tournamentSampling(), d.mutation(),
        0.1, 0.1, d.invalid(), false, d.tieBreak())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("populationSize").hasMessageContaining("2..100000").hasMessageContaining("got 1");
    assertThatThrownBy(() -> new RegularizedEvolutionParameters(100, 0, 101, d.tournamentSampling(), d.mutation(),
        0.1, 0.1, d.invalid(), false, d.tieBreak())).hasMessageContaining("tournamentSize").hasMessageContaining("2..");
    assertThatThrownBy(() -> new RegularizedEvolutionParameters(100, 200, 10, d.tournamentSampling(),
        d.mutation(), 0.1, 0.1, d.invalid(), false, d.tieBreak())).hasMessageContaining("initialSize");
    assertThatThrownBy(() -> new RegularizedEvolutionParameters(100, 0, 10, d.tournamentSampling(), d.mutation(),
        1.5, 0.1, d.invalid(), false, d.tieBreak())).hasMessageContaining("edgeFlipProbability").hasMessageContaining("0..1");
    assertThatThrownBy(() -> new RegularizedEvolutionParameters(100, 0, 10, d.tournamentSampling(), d.mutation(),
        0.1, Double.NaN, d.invalid(), false, d.tieBreak())).hasMessageContaining("opChangeProbability");
  }

  @Test
  void enumsHaveLowerCaseFriendlyNames() {
    assertThat(InvalidHandling.RECORD_AND_DROP).hasToString("record-and-drop");
    assertThat(InvalidHandling.parse("Resample")).isEqualTo(InvalidHandling.RESAMPLE);
    assertThat(TournamentSampling.parse("without-replacement")).isEqualTo(TournamentSampling.WITHOUT_REPLACEMENT);
    assertThat(MutationKind.ONE_VARIABLE).hasToString("one-variable");
    assertThatThrownBy(() -> MutationKind.parse("crossover")).hasMessageContaining("one-variable, per-variable");
  }

  @Test
  void registeredThroughServiceLoader() {
    StrategyProvider<?> p = StrategyRegistry.load().provider("regularized-evolution");
    assertThat(p).isInstanceOf(RegularizedEvolutionProvider.class);
    assertThat(p.defaults()).isEqualTo(RegularizedEvolutionParameters.defaults());
    assertThat(p.parametersType()).isEqualTo(RegularizedEvolutionParameters.class);
  }

  // ------------------------------------------------------------------ protocol

  @Test
  void populationFillsThenStaysConstantAndTheOldestDies() {
    RegularizedEvolutionParameters p = RegularizedEvolutionParameters.defaults();
    List<Birth> births = births(p, 1500, 1);
    assertThat(births.size()).isGreaterThan(1500); // invalid cells are free births too
    for (int i = 0; i < births.size(); i++) {
      Birth b = births.get(i);
      assertThat(b.child().generation()).isEqualTo(i);
      if (i < 100) {
        assertThat(b.parent()).isNull();
        assertThat(b.died()).isNull();
        assertThat(b.after()).hasSize(i + 1);
      } else {
        assertThat(b.parent()).isNotNull();
        assertThat(b.before()).hasSize(100).contains(b.parent());
        assertThat(b.after()).hasSize(100);
        // the oldest member dies: the first of the age-ordered population, born exactly 100 births earlier
        assertThat(b.died()).isSameAs(b.before().get(0));
        assertThat(b.died().generation()).isEqualTo(i - 100);
        assertThat(b.after().get(99)).isSameAs(b.child());
        assertThat(b.after().subList(0, 99)).containsExactlyElementsOf(b.before().subList(1, 100));
      }
    }
  }

  @Test
  void invalidMembersAreRecordedAndAgeOutLikeAnyOther() {
    Oracle o = Runs.oracle(bench, Budget.queries(2000), 2);
    List<Birth> births = new ArrayList<>();
    RegularizedEvolution re = new RegularizedEvolution(RegularizedEvolutionParameters.defaults(),
        (parent, child, died, pop) -> births.add(new Birth(parent, child, died, List.of(), List.of())));
    Runs.runToBudget(re, o, 2);
    long invalidBirths = births.stream().filter(b -> b.child().fitness() == -1.0).count();
    assertThat(invalidBirths).isPositive().isEqualTo(o.invalidQueries());
    assertThat(births).hasSize((int) o.queries());
    long agedOut = 0;
    for (Birth b : births) {
      if (b.died() != null && b.died().fitness() == -1.0) {
        agedOut++;
        assertThat(b.child().generation() - b.died().generation()).isEqualTo(100);
      }
    }
    // every invalid member born early enough has aged out
    long invalidEarly = births.stream().filter(b -> b.child().fitness() == -1.0)
        .filter(b -> b.child().generation() < births.size() - 100).count();
    assertThat(agedOut).isEqualTo(invalidEarly);
  }

  @Test
  void oneVariableMutationChangesExactlyOneVariableToADifferentValue() {
    List<Birth> births = births(RegularizedEvolutionParameters.defaults(), 3000, 3);
    int[] chosen = new int[CellSpec.VARIABLES];
    int[][] opTransitions = new int[3][3];
    int children = 0;
    for (Birth b : births) {
      if (b.parent() == null) {
        continue;
      }
      children++;
      int changed = -1;
      for (int v = 0; v < CellSpec.VARIABLES; v++) {
        int a = CellCodec.variable(b.parent().genotype(), v);
        int c = CellCodec.variable(b.child().genotype(), v);
        if (a != c) {
          assertThat(changed).as("second changed variable %d", v).isEqualTo(-1);
          changed = v;
          if (v >= CellSpec.EDGE_VARIABLES) {
            opTransitions[a][c]++;
          }
        }
      }
      assertThat(changed).isNotNegative();
      chosen[changed]++;
    }
    // uniform over the 26 variables: each expected children/26 ≈ 110; a generous 5-sigma band
    double e = children / 26.0;
    for (int v = 0; v < 26; v++) {
      assertThat((double) chosen[v]).as("variable %d", v).isCloseTo(e, within(5 * Math.sqrt(e)));
    }
    for (int a = 0; a < 3; a++) {
      assertThat(opTransitions[a][a]).isZero();
      for (int c = 0; c < 3; c++) {
        if (a != c) {
          assertThat(opTransitions[a][c]).as("op %d→%d", a, c).isPositive();
        }
      }
    }
  }

  /** Members of the population with the highest fitness (ties are common: copies of a cell, 3 repeats). */
  static int maxCount(List<Phenotype<IntegerGene, Double>> pop) {
    double max = pop.stream().mapToDouble(Phenotype::fitness).max().orElseThrow();
    return (int) pop.stream().filter(m -> m.fitness() == max).count();
  }

  static boolean winnerIsMax(Birth b) {
    double max = b.before().stream().mapToDouble(Phenotype::fitness).max().orElseThrow();
    return b.parent().fitness() == max;
  }

  @Test
  void tournamentWithReplacementPicksAMaximumAtTheRateOfTenDraws() {
    RegularizedEvolutionParameters p = RegularizedEvolutionParameters.defaults();
    double observed = 0;
    double expected = 0;
    double variance = 0;
    for (long seed = 10; seed < 13; seed++) {
      for (Birth b : births(p, 3000, seed)) {
        if (b.parent() == null) {
          continue;
        }
        // P(one of the k maxima among 10 draws with replacement from 100) = 1 − (1 − k/100)^10
        double q = 1 - Math.pow(1 - maxCount(b.before()) / 100.0, 10);
        expected += q;
        variance += q * (1 - q);
        observed += winnerIsMax(b) ? 1 : 0;
      }
    }
    assertThat(observed).isCloseTo(expected, within(5 * Math.sqrt(variance)));
    // a 5-draw tournament would be far off: the test can tell tournament sizes apart
    assertThat(expected - observed).isLessThan(expected * 0.25);
  }

  @Test
  void tournamentWithoutReplacementNeverPicksFromTheWorstNineAndHasTheRightMaximumRate() {
    RegularizedEvolutionParameters p = RegularizedEvolutionParameters.notebook();
    double observed = 0;
    double expected = 0;
    double variance = 0;
    for (Birth b : births(p, 4000, 4)) {
      if (b.parent() == null) {
        continue;
      }
      // the winner beats or ties 9 other distinct members
      long atMost = b.before().stream().filter(m -> m.fitness() <= b.parent().fitness()).count();
      assertThat(atMost).as("members not better than the winner, itself included").isGreaterThanOrEqualTo(10);
      // P(one of the k maxima among 10 of 50 drawn without replacement) = 1 − C(50 − k, 10) / C(50, 10)
      int k = maxCount(b.before());
      double none = 1;
      for (int i = 0; i < 10; i++) {
        none *= (double) (50 - k - i) / (50 - i);
      }
      double q = 1 - Math.max(0, none);
      expected += q;
      variance += q * (1 - q);
      observed += winnerIsMax(b) ? 1 : 0;
    }
    assertThat(observed).isCloseTo(expected, within(5 * Math.sqrt(variance) + 1e-9));
  }

  /** Mean position (0 = oldest) of the tournament winner in the population, on a table where every cell ties. */
  static double meanWinnerPosition(RegularizedEvolutionParameters p, long queries, Benchmark allTied) {
    List<Birth> out = births(p, queries, 3, allTied);
    double sum = 0;
    int n = 0;
    for (Birth b : out) {
      if (b.parent() != null) {
        assertThat(b.before()).hasSize(p.populationSize());
        sum += b.before().indexOf(b.parent());
        n++;
      }
    }
    assertThat(n).isGreaterThan(500);
    return sum / n;
  }

  @Test
  void notebookTieRuleTakesTheYoungestOfTheTiedBestMembers() {
    // every cell has the same accuracy, so every tournament is a tie among all drawn members
    Benchmark tied = SyntheticBenchmarks.constant(0.9);
    RegularizedEvolutionParameters nb = RegularizedEvolutionParameters.notebook();
    assertThat(nb.tieBreak()).isEqualTo(TieBreak.YOUNGEST);
    int births = 1000;
    // youngest of 10 drawn without replacement from positions 0..49: E[max] = 10·51/11 − 1 = 45.36 (the
    // maximum of a uniform 10-subset of 1..50 has mean r(N+1)/(r+1)); sd 3.75
    double seY = Math.sqrt(10.0 * 40 * 51 / (121.0 * 12)) / Math.sqrt(births);
    assertThat(meanWinnerPosition(nb, 50 + births, tied)).isCloseTo(10.0 * 51 / 11 - 1, within(5 * seY));
    // first drawn: a uniform position, mean 24.5, sd √((50² − 1)/12)
    RegularizedEvolutionParameters first = new RegularizedEvolutionParameters(50, 0, 10,
        TournamentSampling.WITHOUT_REPLACEMENT, MutationKind.PER_VARIABLE, 1.0 / 7, 1.0 / 5, InvalidHandling.RESAMPLE,
        false, TieBreak.FIRST_DRAWN);
    double seF = Math.sqrt((2500 - 1) / 12.0) / Math.sqrt(births);
    assertThat(meanWinnerPosition(first, 50 + births, tied)).isCloseTo(24.5, within(5 * seF));
    // youngest with replacement (10 draws from 0..49): E[max] = Σ_{k=1}^{49} (1 − (k/50)^10)
    RegularizedEvolutionParameters withRepl = new RegularizedEvolutionParameters(50, 0, 10,
        TournamentSampling.WITH_REPLACEMENT, MutationKind.PER_VARIABLE, 1.0 / 7, 1.0 / 5, InvalidHandling.RESAMPLE,
        false, TieBreak.YOUNGEST);
    double e = 0;
    double e2 = 0;
    for (int k = 0; k < 50; k++) {
      double pk = Math.pow((k + 1) / 50.0, 10) - Math.pow(k / 50.0, 10);
      e += k * pk;
      e2 += (double) k * k * pk;
    }
    double seW = Math.sqrt(e2 - e * e) / Math.sqrt(births);
    assertThat(meanWinnerPosition(withRepl, 50 + births, tied)).isCloseTo(e, within(5 * seW));
  }

  @Test
  void notebookMutationFlipsEdgesWithOneSeventhAndChangesOpsWithOneFifth() {
    // record-and-drop, so that resampling does not condition the observed rates on validity
    RegularizedEvolutionParameters p = with(RegularizedEvolutionParameters.notebook(), InvalidHandling.RECORD_AND_DROP);
    long edgeTrials = 0;
    long flips = 0;
    long opTrials = 0;
    long opChanges = 0;
    for (Birth b : births(p, 3000, 5)) {
      if (b.parent() == null) {
        continue;
      }
      for (int v = 0; v < CellSpec.VARIABLES; v++) {
        boolean diff = CellCodec.variable(b.parent().genotype(), v) != CellCodec.variable(b.child().genotype(), v);
        if (v < CellSpec.EDGE_VARIABLES) {
          edgeTrials++;
          flips += diff ? 1 : 0;
        } else {
          opTrials++;
          opChanges += diff ? 1 : 0;
        }
      }
    }
    double pe = 1.0 / 7;
    double po = 1.0 / 5;
    assertThat((double) flips / edgeTrials).isCloseTo(pe, within(5 * Math.sqrt(pe * (1 - pe) / edgeTrials)));
    assertThat((double) opChanges / opTrials).isCloseTo(po, within(5 * Math.sqrt(po * (1 - po) / opTrials)));
  }

  @Test
  void notebookQueriesOnlyValidCells() {
    Oracle o = Runs.oracle(bench, Budget.queries(1000), 6);
    Runs.runToBudget(new RegularizedEvolution(RegularizedEvolutionParameters.notebook()), o, 6);
    assertThat(o.invalidQueries()).isZero();
    assertThat(o.chargedQueries()).isEqualTo(1000);
  }

  @Test
  void naszillaStartsWithTenDistinctCellsAndGrowsToTwentyNine() {
    List<Birth> births = births(RegularizedEvolutionParameters.naszilla(), 200, 7);
    assertThat(births.subList(0, 10).stream().map(b -> CellCodec.toCell(b.child().genotype()))
        .map(bench.space()::idOf).distinct().count()).isEqualTo(10);
    assertThat(births.get(10).before()).hasSize(10);
    assertThat(births.get(28).after()).hasSize(29);
    assertThat(births.get(28).died()).isNull();
    assertThat(births.get(29).died()).isSameAs(births.get(0).child());
    assertThat(births.get(199).after()).hasSize(29);
  }

  @Test
  void rejectedDuplicatesJoinWithFitnessMinusOneOrAreRedrawn() {
    for (InvalidHandling inv : InvalidHandling.values()) {
      Oracle o = new Oracle(bench, nas4j.bench.OracleConfig.defaults(Budget.queries(1500)).withMeasureCpu(false)
          .withDuplicates(nas4j.bench.DuplicatePolicy.REJECT), new java.util.SplittableRandom(8));
      List<Double> fitness = new ArrayList<>();
      RegularizedEvolution re = new RegularizedEvolution(with(RegularizedEvolutionParameters.defaults(), inv),
          (parent, child, died, pop) -> fitness.add(child.fitness()));
      Runs.runToBudget(re, o, 8);
      assertThat(o.duplicateQueries()).as("%s", inv).isPositive();
      long minusOne = fitness.stream().filter(f -> f == -1.0).count();
      if (inv == InvalidHandling.RESAMPLE) {
        assertThat(minusOne).isZero();
        assertThat(fitness).hasSize((int) o.chargedQueries());
      } else {
        assertThat(minusOne).isEqualTo(o.invalidQueries() + o.duplicateQueries());
        assertThat(fitness).hasSize((int) o.queries());
      }
    }
  }

  @Test
  void underTheRawEdgeRuleManyMoreCellsAreRecordedInvalid() {
    Oracle api = Runs.oracle(bench, Budget.queries(1000), 9);
    Oracle raw = new Oracle(bench, nas4j.bench.OracleConfig.defaults(Budget.queries(1000)).withMeasureCpu(false)
        .withValidity(nas4j.space.ValidityRule.RAW_EDGES_FIRST), new java.util.SplittableRandom(9));
    RegularizedEvolution re = new RegularizedEvolution(RegularizedEvolutionParameters.defaults());
    Runs.runToBudget(re, api, 9);
    Runs.runToBudget(re, raw, 9);
    assertThat(raw.chargedQueries()).isEqualTo(1000);
    // about 73 % of random matrices pass the API rule and 27 % the raw-edge rule (counted exactly in ValidityRuleTest; docs/format.md)
    assertThat(raw.invalidQueries()).isGreaterThan(2 * api.invalidQueries());
  }

  // ------------------------------------------------------------------ reference and determinism

  @Test
  void identicalToThePlainReferenceLoopForEveryPreset() {
    for (String preset : RegularizedEvolutionParameters.PRESETS) {
      RegularizedEvolutionParameters p = RegularizedEvolutionParameters.preset(preset);
      for (long seed = 20; seed < 23; seed++) {
        List<Runs.Query> jenetics = Runs.trace(new RegularizedEvolution(p), bench, Budget.queries(800), seed);
        List<Runs.Query> reference = Runs.trace(new ReferenceAgingEvolution(p), bench, Budget.queries(800), seed);
        assertThat(jenetics).as("%s seed %d", preset, seed).hasSizeGreaterThanOrEqualTo(800)
            .containsExactlyElementsOf(reference);
      }
    }
  }

  @Test
  void sameSeedSameQueriesDifferentSeedDifferentQueries() {
    RegularizedEvolution re = new RegularizedEvolution(RegularizedEvolutionParameters.defaults());
    List<Runs.Query> a = Runs.trace(re, bench, Budget.seconds(3e5), 30);
    List<Runs.Query> b = Runs.trace(re, bench, Budget.seconds(3e5), 30);
    List<Runs.Query> c = Runs.trace(re, bench, Budget.seconds(3e5), 31);
    assertThat(a).hasSizeGreaterThan(300).isEqualTo(b).isNotEqualTo(c);
    assertThat(a.stream().filter(q -> q.status() == Observation.Status.INVALID).count()).isPositive();
  }
}
