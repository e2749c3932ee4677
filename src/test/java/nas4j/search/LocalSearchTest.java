package nas4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Oracle;
import nas4j.bench.QueryRecord;
import nas4j.space.CellSpec;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalSearchTest {
  static Benchmark bench;

  @BeforeAll
  static void load() {
    bench = SearchFixtures.smooth();
  }

  /** Everything that happened in one run, in order: query records interleaved with decision events. */
  static final class Log implements LocalSearch.Events {
    final List<Object> entries = new ArrayList<>();
    final List<QueryRecord> queries = new ArrayList<>();

    void query(QueryRecord r) {
      entries.add(r);
      queries.add(r);
    }

    record Started(List<LocalSearch.Candidate> cells, LocalSearch.Candidate best) {}

    record Expanding(LocalSearch.Candidate current, List<CellSpec> shuffled) {}

    Oracle oracle;

    /** The cells the walk of an expansion may query, in order: valid, new in the walk, not queried before. */
    List<Integer> walkable(Expanding ex, BitSet queriedBefore) {
      List<Integer> out = new ArrayList<>();
      Set<Integer> met = new HashSet<>();
      met.add(ex.current().cellId());
      for (CellSpec e : ex.shuffled()) {
        int id = oracle.idOf(e);
        if (id >= 0 && met.add(id) && !queriedBefore.get(id)) {
          out.add(id);
        }
      }
      return out;
    }

    record Moved(LocalSearch.Candidate from, LocalSearch.Candidate to) {}

    record Optimum(LocalSearch.Candidate at) {}

    record Resumed(LocalSearch.Candidate from) {}

    @Override
    public void started(List<LocalSearch.Candidate> cells, LocalSearch.Candidate best) {
      entries.add(new Started(List.copyOf(cells), best));
    }

    @Override
    public void expanding(LocalSearch.Candidate current, List<CellSpec> shuffled) {
      entries.add(new Expanding(current, List.copyOf(shuffled)));
    }

    @Override
    public void moved(LocalSearch.Candidate from, LocalSearch.Candidate to) {
      entries.add(new Moved(from, to));
    }

    @Override
    public void localOptimum(LocalSearch.Candidate current) {
      entries.add(new Optimum(current));
    }

    @Override
    public void resumed(LocalSearch.Candidate from) {
      entries.add(new Resumed(from));
    }
  }

  static Log run(LocalSearchParameters p, Budget budget, long seed) {
    Log log = new Log();
    Oracle o = SearchFixtures.oracle(bench, budget, ValidityRule.API, 1);
    log.oracle = o;
    o.addListener(log::query);
    SearchFixtures.run(new LocalSearch(p, log), o, seed);
    return log;
  }

  /** The query records following entry {@code i} up to the next decision event. */
  static List<QueryRecord> queriesAfter(Log log, int i) {
    List<QueryRecord> out = new ArrayList<>();
    for (int k = i + 1; k < log.entries.size() && log.entries.get(k) instanceof QueryRecord; k++) {
      out.add((QueryRecord) log.entries.get(k));
    }
    return out;
  }

  @Test
  void firstImprovementWalksTheShuffledNeighbourhoodAndMovesOnTheFirstBetterNeighbour() {
    Log log = run(LocalSearchParameters.defaults(), Budget.queries(1500), 21);
    int moves = 0;
    int optima = 0;
    BitSet queriedBefore = new BitSet();
    int q = 0;
    for (int i = 0; i < log.entries.size(); i++) {
      Object e = log.entries.get(i);
      if (e instanceof QueryRecord) {
        queriedBefore.set(((QueryRecord) e).observation().cellId());
        q++;
        continue;
      }
      if (!(e instanceof Log.Expanding)) {
        continue;
      }
      Log.Expanding ex = (Log.Expanding) e;
      List<QueryRecord> walked = queriesAfter(log, i);
      // the expected walk: the shuffled neighbours not queried before, in order, up to the first better one
      List<Integer> expected = log.walkable(ex, queriedBefore);
      List<Integer> actual = walked.stream().map(r -> r.observation().cellId()).toList();
      boolean budgetEnded = i + 1 + walked.size() == log.entries.size();
      if (budgetEnded) {
        assertThat(expected.subList(0, actual.size())).isEqualTo(actual);
        break;
      }
      Object after = log.entries.get(i + 1 + walked.size());
      for (int k = 0; k < walked.size() - 1; k++) {
        assertThat(walked.get(k).observation().validationAccuracy()).isLessThanOrEqualTo(ex.current().accuracy());
      }
      if (after instanceof Log.Moved) {
        moves++;
        QueryRecord last = walked.get(walked.size() - 1);
        assertThat(expected.subList(0, actual.size())).isEqualTo(actual);
        assertThat(last.observation().validationAccuracy()).isGreaterThan(ex.current().accuracy());
        assertThat(((Log.Moved) after).to().cellId()).isEqualTo(last.observation().cellId());
      } else {
        optima++;
        assertThat(after).isInstanceOf(Log.Optimum.class);
        assertThat(actual).isEqualTo(expected);
        walked.forEach(r -> assertThat(r.observation().validationAccuracy())
            .isLessThanOrEqualTo(ex.current().accuracy()));
      }
    }
    assertThat(moves).isGreaterThan(5);
    assertThat(optima).isGreaterThan(1);
  }

  @Test
  void neverRequeriesACellItHasSeen() {
    Log log = run(LocalSearchParameters.defaults(), Budget.queries(2000), 4);
    Set<Integer> ids = new HashSet<>();
    log.queries.forEach(r -> assertThat(ids.add(r.observation().cellId())).isTrue());
    assertThat(ids).hasSize(2000);
  }

  @Test
  void restartsFromNumInitFreshCellsAtEachLocalOptimum() {
    Log log = run(LocalSearchParameters.defaults(), Budget.queries(2000), 8);
    BitSet queriedBefore = new BitSet();
    int restarts = 0;
    Object previous = null;
    for (int i = 0; i < log.entries.size(); i++) {
      Object e = log.entries.get(i);
      if (e instanceof QueryRecord) {
        queriedBefore.set(((QueryRecord) e).observation().cellId());
      } else if (e instanceof Log.Started) {
        Log.Started s = (Log.Started) e;
        assertThat(s.cells()).hasSize(10);
        // the 10 queries just before this event are the start cells, none seen before them
        List<QueryRecord> last10 = log.entries.subList(i - 10, i).stream().map(QueryRecord.class::cast).toList();
        BitSet seenEarlier = new BitSet();
        log.entries.subList(0, i - 10).stream().filter(QueryRecord.class::isInstance)
            .forEach(x -> seenEarlier.set(((QueryRecord) x).observation().cellId()));
        for (int k = 0; k < 10; k++) {
          assertThat(last10.get(k).observation().cellId()).isEqualTo(s.cells().get(k).cellId());
          assertThat(seenEarlier.get(s.cells().get(k).cellId())).isFalse();
          assertThat(s.best().accuracy()).isGreaterThanOrEqualTo(s.cells().get(k).accuracy());
        }
        assertThat(s.cells()).contains(s.best());
        if (restarts > 0) {
          assertThat(previous).isInstanceOf(Log.Optimum.class);
        }
        restarts++;
      }
      if (!(e instanceof QueryRecord)) {
        previous = e;
      }
    }
    assertThat(restarts).isGreaterThan(2);
  }

  @Test
  void bestImprovementQueriesTheWholeNeighbourhoodThenMovesToItsBest() {
    LocalSearchParameters p = new LocalSearchParameters(10, 1, true, true, Sampler.MATRIX,
        true, false);
    Log log = run(p, Budget.queries(1000), 5);
    int checked = 0;
    BitSet queriedBefore = new BitSet();
    for (int i = 0; i < log.entries.size(); i++) {
      Object e = log.entries.get(i);
      if (e instanceof QueryRecord) {
        queriedBefore.set(((QueryRecord) e).observation().cellId());
      }
      if (e instanceof Log.Started) {
        // restarts (after the first start) query exactly one cell
        assertThat(((Log.Started) e).cells()).hasSize(checked == 0 && i < 15 ? 10 : 1);
      }
      if (!(e instanceof Log.Expanding)) {
        continue;
      }
      Log.Expanding ex = (Log.Expanding) e;
      List<QueryRecord> walked = queriesAfter(log, i);
      if (i + 1 + walked.size() == log.entries.size()) {
        break;
      }
      List<Integer> expected = log.walkable(ex, queriedBefore);
      assertThat(walked.stream().map(r -> r.observation().cellId()).toList()).isEqualTo(expected);
      Object after = log.entries.get(i + 1 + walked.size());
      double best = walked.stream().mapToDouble(r -> r.observation().validationAccuracy()).max().orElse(-1);
      if (best > ex.current().accuracy()) {
        assertThat(after).isInstanceOf(Log.Moved.class);
        assertThat(((Log.Moved) after).to().accuracy()).isEqualTo(best);
      } else {
        assertThat(after).isInstanceOf(Log.Optimum.class);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void naslibPresetQueriesEveryValidEditOfTheShuffledListDuplicatesIncluded() {
    // NASLib's get_nbhd keeps every valid edit (two edits may reach the same cell, an edit may give the current
    // cell back) and local search pops and queries them one per step: the walk is the shuffled list, invalid
    // edits removed, nothing deduplicated
    Log log = run(LocalSearchParameters.naslib(), Budget.queries(1500), 9);
    int walks = 0;
    int repeatedInWalk = 0;
    for (int i = 0; i < log.entries.size(); i++) {
      if (!(log.entries.get(i) instanceof Log.Expanding)) {
        continue;
      }
      Log.Expanding ex = (Log.Expanding) log.entries.get(i);
      List<QueryRecord> walked = queriesAfter(log, i);
      List<Integer> expected = new ArrayList<>();
      for (CellSpec e : ex.shuffled()) {
        int id = log.oracle.idOf(e);
        if (id >= 0) {
          expected.add(id);
        }
      }
      List<Integer> actual = walked.stream().map(r -> r.observation().cellId()).toList();
      if (i + 1 + walked.size() == log.entries.size()) {
        assertThat(expected.subList(0, actual.size())).isEqualTo(actual);
        break;
      }
      assertThat(actual).isEqualTo(expected);
      repeatedInWalk += actual.size() - new HashSet<>(actual).size();
      walks++;
    }
    assertThat(walks).isGreaterThan(10);
    assertThat(repeatedInWalk).isGreaterThan(0);
  }

  @Test
  void withoutStopAtMinimumContinuesFromTheBestUnexpandedCell() {
    Log log = run(LocalSearchParameters.naszillaContinue(), Budget.queries(1500), 6);
    Set<Integer> expanded = new HashSet<>();
    List<LocalSearch.Candidate> queried = new ArrayList<>();
    int resumes = 0;
    for (Object e : log.entries) {
      if (e instanceof Log.Started) {
        queried.addAll(((Log.Started) e).cells());
      } else if (e instanceof Log.Expanding) {
        expanded.add(((Log.Expanding) e).current().cellId());
      } else if (e instanceof QueryRecord) {
        QueryRecord r = (QueryRecord) e;
        queried.add(new LocalSearch.Candidate(null, r.observation().cellId(), r.observation().validationAccuracy(),
            r.observation().sequence()));
      } else if (e instanceof Log.Resumed) {
        LocalSearch.Candidate from = ((Log.Resumed) e).from();
        double bestUnexpanded = queried.stream().filter(c -> !expanded.contains(c.cellId()))
            .mapToDouble(LocalSearch.Candidate::accuracy).max().orElseThrow();
        assertThat(expanded).doesNotContain(from.cellId());
        assertThat(from.accuracy()).isEqualTo(bestUnexpanded);
        resumes++;
      }
    }
    assertThat(resumes).isGreaterThan(2);
    assertThat(log.entries.stream().filter(Log.Started.class::isInstance).count()).isEqualTo(1);
  }

  @Test
  void pathNeighbourhoodFollowsNaszilla() {
    // 0→1→6, plus 0→2 with 2 dangling (no way to the output), 3..5 isolated
    int[][] m = new int[7][7];
    m[0][1] = 1;
    m[1][6] = 1;
    m[0][2] = 1;
    CellSpec spec = CellSpec.of(m, List.of("input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3",
        "conv3x3-bn-relu", "conv3x3-bn-relu", "output"));
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(1), ValidityRule.API, 1);
    List<Neighbourhood.Neighbour> paths = Neighbourhood.PATHS.of(spec, o::idOf);
    List<Neighbourhood.Neighbour> all = Neighbourhood.ALL.of(spec, o::idOf);
    // op edits only on vertex 1 (the only interior vertex on a path)
    long opEdits = paths.stream().filter(n -> n.spec().adjacencyBits() == spec.adjacencyBits()).count();
    assertThat(opEdits).isEqualTo(2);
    // edge flips need "from" reachable from the input (0, 1, 2) and "to" reaching the output (0, 1, 6):
    // (0,1) removal disconnects (invalid), (0,6) add, (1,6) removal invalid, (2,6) add; 2 flips stay
    assertThat(paths).hasSize(4);
    for (Neighbourhood.Neighbour n : paths) {
      assertThat(o.idOf(n.spec())).isEqualTo(n.cellId());
      assertThat(all).contains(n);
    }
    assertThat(all).isEqualTo(paths);
  }

  @Test
  void pathRestrictionLosesNoCellBecauseOffPathEditsKeepTheCell() {
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(1), ValidityRule.API, 1);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
    for (int k = 0; k < 2000; k++) {
      CellSpec c = Sampler.MATRIX.draw(rnd, bench.space());
      if (o.isValid(c)) {
        assertThat(Neighbourhood.PATHS.of(c, o::idOf)).isEqualTo(Neighbourhood.ALL.of(c, o::idOf));
      }
    }
  }

  @Test
  void uniformStartCellsAndTheNaslibPresetRun() {
    LocalSearchParameters p = new LocalSearchParameters(10, 10, false, true, Sampler.UNIFORM,
        true, false);
    Log log = run(p, Budget.queries(400), 2);
    assertThat(log.queries).hasSize(400);
    Log naslib = run(LocalSearchParameters.naslib(), Budget.queries(400), 2);
    assertThat(naslib.queries).hasSize(400);
  }

  @Test
  void parametersNameTheBrokenRange() {
    assertThatThrownBy(() -> new LocalSearchParameters(0, 10, false, true, Sampler.MATRIX,
        true, false)).isInstanceOf(IllegalArgumentException.class).hasMessage("numInit must be in 1..100000; got 0");
    assertThatThrownBy(() -> new LocalSearchParameters(10, -3, false, true, Sampler.MATRIX,
        true, false)).hasMessage("restartInit must be in 1..100000; got -3");
    assertThatThrownBy(() -> new LocalSearchParameters(10, 10, false, true, null, true, false))
        .hasMessage("sampler must be one of matrix, uniform; got nothing");
  }
}
