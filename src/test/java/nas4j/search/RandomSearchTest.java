package nas4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.QueryRecord;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RandomSearchTest {
  static Benchmark bench;

  @BeforeAll
  static void load() {
    bench = SearchFixtures.smooth();
  }

  @Test
  void recordAndDropQueriesEveryDrawAndInvalidOnesCostNothing() {
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(200), ValidityRule.RAW_EDGES_FIRST, 1);
    List<QueryRecord> recs = SearchFixtures.run(new RandomSearch(RandomSearchParameters.defaults()), o, 42);
    // the same generator replays the draws: every draw was queried, in order
    SplittableRandom replay = new SplittableRandom(42);
    long invalid = 0;
    for (QueryRecord r : recs) {
      CellSpec c = MatrixSampler.draw(replay);
      Observation obs = r.observation();
      assertThat(obs.cellId()).isEqualTo(o.idOf(c));
      if (obs.status() == Observation.Status.INVALID) {
        invalid++;
        assertThat(obs.cost()).isZero();
        assertThat(obs.trainingTime()).isZero();
        assertThat(obs.validationAccuracy()).isZero();
      } else {
        assertThat(obs.cost()).isPositive();
      }
    }
    // about 73 % of raw draws break the raw-edge rule
    assertThat(o.chargedQueries()).isEqualTo(200);
    assertThat((double) invalid / recs.size()).isBetween(0.6, 0.85);
  }

  @Test
  void resampleNeverQueriesAnInvalidCell() {
    for (ValidityRule rule : ValidityRule.values()) {
      Oracle o = SearchFixtures.oracle(bench, Budget.queries(300), rule, 1);
      List<QueryRecord> recs = SearchFixtures.run(new RandomSearch(RandomSearchParameters.naslib()), o, 5);
      assertThat(recs).hasSize(300).allMatch(r -> r.observation().valid());
      assertThat(o.invalidQueries()).isZero();
    }
  }

  @Test
  void distinctNeverQueriesACellTwice() {
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(2000), ValidityRule.API, 1);
    List<QueryRecord> recs = SearchFixtures.run(new RandomSearch(RandomSearchParameters.naszilla()), o, 9);
    Set<Integer> ids = new HashSet<>();
    for (QueryRecord r : recs) {
      assertThat(ids.add(r.observation().cellId())).isTrue();
    }
    assertThat(ids).hasSize(2000);
    assertThat(o.duplicateQueries()).isZero();
  }

  @Test
  void matrixSamplerRepeatsCellsWithoutDistinct() {
    // the matrix sampler favours small cells: among 3000 draws some cells recur (charged again)
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(3000), ValidityRule.API, 1);
    SearchFixtures.run(new RandomSearch(RandomSearchParameters.naslib()), o, 9);
    assertThat(o.duplicateQueries()).isPositive();
  }

  @Test
  void uniformSamplerQueriesOnlyValidCellsInEitherMode() {
    RandomSearchParameters p = new RandomSearchParameters(Sampler.UNIFORM, InvalidHandling.RECORD_AND_DROP, false);
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(500), ValidityRule.RAW_EDGES_FIRST, 1);
    List<QueryRecord> recs = SearchFixtures.run(new RandomSearch(p), o, 3);
    assertThat(recs).hasSize(500).allMatch(r -> r.observation().valid());
    // uniform over cells: the ids are the generator's draws
    SplittableRandom replay = new SplittableRandom(3);
    for (QueryRecord r : recs) {
      assertThat(r.observation().cellId()).isEqualTo(replay.nextInt(bench.space().size()));
    }
  }

  @Test
  void parametersValidateAndParseConfigNames() {
    assertThatThrownBy(() -> new RandomSearchParameters(null, InvalidHandling.RESAMPLE, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sampler must be one of matrix, uniform; got nothing");
    assertThatThrownBy(() -> new RandomSearchParameters(Sampler.MATRIX, null, false))
        .hasMessage("invalid must be one of resample, record-and-drop; got nothing");
    assertThat(InvalidHandling.parse("Record_And_Drop")).isEqualTo(InvalidHandling.RECORD_AND_DROP);
    assertThat(InvalidHandling.parse("record-and-drop")).isEqualTo(InvalidHandling.RECORD_AND_DROP);
    assertThat(Sampler.parse("UNIFORM")).isEqualTo(Sampler.UNIFORM);
    assertThatThrownBy(() -> Sampler.parse("sobol")).hasMessage("sampler must be one of matrix, uniform; got 'sobol'");
    assertThat(new RandomSearchProvider().preset("naszilla")).isEqualTo(RandomSearchParameters.naszilla());
    assertThatThrownBy(() -> new RandomSearchProvider().preset("smac"))
        .hasMessageContaining("known: nas_benchmarks, naszilla, naslib");
  }
}
