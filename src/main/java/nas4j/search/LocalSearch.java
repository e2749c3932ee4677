package nas4j.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.space.CellSpec;

/**
 * Local search over single edits of the 26-variable encoding (naszilla {@code local_search} by default; see
 * {@link LocalSearchParameters}). Immutable; each {@link #run} is independent.
 *
 * <p>Protocol: query the start cells (random, valid, not queried before when {@code skipQueried}) and take the
 * best; list the current cell's single edits on input→output paths (naszilla's neighbourhood, in a fixed order),
 * shuffle them with the run's generator (Fisher–Yates, {@code nextInt(i + 1)} for i from the end), and walk them,
 * skipping invalid edits, repeated cells and cells already queried (as naszilla, which shuffles its list of valid
 * neighbour matrices and skips queried hashes); move to the first strictly better neighbour (or, with best
 * improvement, to the best of the whole neighbourhood if it is strictly better). A cell reached by two edits is
 * queried at most once per walk, whatever {@code skipQueried} says, unless {@code queryEveryEdit} (NASLib: every
 * valid edit of the list is queried and paid for, duplicates and edits giving the current cell included). With no
 * improving neighbour the current cell is a local optimum: restart, or continue
 * from the best unexpanded cell. "Better" compares the accuracies the oracle returned (sampled or mean, as the
 * oracle is configured). Observations without data (duplicates the oracle rejected) are ignored.
 */
public final class LocalSearch implements SearchStrategy {
  /** Consecutive start-cell draws that are invalid or already queried after which the run stops as stalled. */
  static final int MAX_REDRAWS = 10_000_000;

  private final LocalSearchParameters parameters;
  private final Events events;

  public LocalSearch(LocalSearchParameters parameters) {
    this(parameters, Events.NONE);
  }

  LocalSearch(LocalSearchParameters parameters, Events events) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** The parameters. */
  public LocalSearchParameters parameters() {
    return parameters;
  }

  /** A queried cell: the spec as queried (7 vertices), its id, the returned accuracy and the query's sequence. */
  record Candidate(CellSpec spec, int cellId, double accuracy, long sequence) {}

  /** Decision points, for tests. */
  interface Events {
    Events NONE = new Events() {};

    /** Start cells were queried (with data); {@code best} becomes the current cell. */
    default void started(List<Candidate> cells, Candidate best) {}

    /**
     * The current cell is expanded: its shuffled single edits are walked next (invalid edits, edits giving the
     * cell itself or a cell met earlier in the walk, and, with skipQueried, cells already queried are skipped).
     */
    default void expanding(Candidate current, List<CellSpec> shuffledEdits) {}

    /** The search moves to a better neighbour. */
    default void moved(Candidate from, Candidate to) {}

    /** No neighbour improves on {@code current}. */
    default void localOptimum(Candidate current) {}

    /** With {@code stopAtMinimum = false}: the search continues from this unexpanded cell. */
    default void resumed(Candidate from) {}
  }

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::accuracy).reversed().thenComparingLong(Candidate::sequence);

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    LocalSearchParameters p = parameters;
    BitSet expanded = new BitSet();
    BitSet walked = new BitSet();
    PriorityQueue<Candidate> unexpanded = p.stopAtMinimum() ? null : new PriorityQueue<>(BEST_FIRST);
    Candidate current = start(oracle, rng, p.numInit(), unexpanded);
    while (true) {
      expanded.set(current.cellId());
      List<CellSpec> edits = Neighbourhood.PATHS.edits(current.spec());
      shuffle(edits, rng);
      events.expanding(current, edits);
      Candidate next = null;
      walked.clear();
      walked.set(current.cellId());
      for (CellSpec edit : edits) {
        int id = oracle.idOf(edit);
        if (id < 0) {
          continue;
        }
        if (!p.queryEveryEdit()) {
          if (walked.get(id)) {
            continue;
          }
          walked.set(id);
        }
        if (p.skipQueried() && oracle.hasQueried(id)) {
          continue;
        }
        Candidate c = query(oracle, edit);
        if (c == null) {
          continue;
        }
        if (unexpanded != null) {
          unexpanded.add(c);
        }
        if (next == null || c.accuracy() > next.accuracy()) {
          next = c;
        }
        if (!p.bestImprovement() && c.accuracy() > current.accuracy()) {
          break;
        }
      }
      if (next != null && next.accuracy() > current.accuracy()) {
        events.moved(current, next);
        current = next;
        continue;
      }
      events.localOptimum(current);
      Candidate resume = null;
      if (unexpanded != null) {
        while (!unexpanded.isEmpty() && resume == null) {
          Candidate c = unexpanded.poll();
          if (!expanded.get(c.cellId())) {
            resume = c;
          }
        }
      }
      if (resume != null) {
        events.resumed(resume);
        current = resume;
      } else {
        current = start(oracle, rng, p.restartInit(), unexpanded);
      }
    }
  }

  /** Queries {@code k} random start cells with data and returns the best (ties: the earliest). */
  private Candidate start(Oracle oracle, RandomGenerator rng, int k, PriorityQueue<Candidate> unexpanded) {
    List<Candidate> cells = new ArrayList<>(k);
    int redraws = 0;
    while (cells.size() < k) {
      CellSpec c = parameters.sampler().draw(rng, oracle.space());
      int id = oracle.idOf(c);
      if (id < 0 || (parameters.skipQueried() && oracle.hasQueried(id))) {
        if (++redraws > MAX_REDRAWS) {
          throw new IllegalStateException("local search stalled: " + MAX_REDRAWS
              + " start-cell draws in a row were invalid or already queried");
        }
        continue;
      }
      redraws = 0;
      Candidate cand = query(oracle, c);
      if (cand != null) {
        cells.add(cand);
        if (unexpanded != null) {
          unexpanded.add(cand);
        }
      }
    }
    Candidate best = cells.get(0);
    for (Candidate c : cells) {
      if (c.accuracy() > best.accuracy()) {
        best = c;
      }
    }
    events.started(cells, best);
    return best;
  }

  private static Candidate query(Oracle oracle, CellSpec spec) {
    Observation o = oracle.query(spec);
    return o.hasData() ? new Candidate(spec, o.cellId(), o.validationAccuracy(), o.sequence()) : null;
  }

  static <T> void shuffle(List<T> list, RandomGenerator rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  @Override
  public String toString() {
    return "LocalSearch" + parameters;
  }
}
