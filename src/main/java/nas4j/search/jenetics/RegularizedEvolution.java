package nas4j.search.jenetics;

import nas4j.search.InvalidHandling;
import io.jenetics.Genotype;
import io.jenetics.IntegerGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.util.Factory;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.BitSet;
import java.util.Objects;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;
import nas4j.space.CellSpec;

/**
 * Regularized (aging) evolution (Real et al. 2019) on Jenetics: each member is a Jenetics {@link Phenotype} of a
 * {@link CellCodec} genotype whose fitness is the sampled validation accuracy (−1 for a recorded invalid cell) and
 * whose generation is its birth index. One child per step: tournament, mutation of the winner, one oracle query,
 * the child joins and the oldest member dies. Parameters and presets: {@link RegularizedEvolutionParameters}.
 *
 * <p>Jenetics' generational {@code Engine} is not used: it replaces a whole offspring fraction per generation and
 * kills by a maximal age in generations, whereas aging evolution adds exactly one child per step and removes the
 * oldest member. The loop is therefore driven here, with Jenetics' genotypes, genotype factory (random initial
 * cells), {@link TournamentSelector} (tournaments with replacement; same semantics as the scripts: S uniform draws,
 * first maximum wins ties) and its random registry ({@link RandomRegistry#with}) bound to the run's generator. The
 * without-replacement tournament, the notebook's tie rule (the youngest of the tied best wins) and the mutations ("a uniformly chosen <em>different</em> value") are not in
 * Jenetics ({@code Mutator} may redraw the same allele and correlates gene choices) and are written here.
 *
 * <p>Random-draw order (fixed, the reference for reproducibility): random genotype = Jenetics' factory
 * ({@code nextInt(21, 22)} for the length, 21 × {@code nextInt(0, 2)}, {@code nextInt(5, 6)}, 5 ×
 * {@code nextInt(0, 3)}); tournament with replacement = S × {@code nextInt(n)} over the members oldest first;
 * without replacement = partial Fisher–Yates, S × {@code nextInt(n − i)}; one-variable mutation =
 * {@code nextInt(26)}, then for an op {@code nextInt(2)} picking one of the two other ops in ascending order;
 * per-variable mutation = 21 × {@code nextDouble()} for the edges, then per op {@code nextDouble()} and, if it
 * changes, {@code nextInt(2)} picking one of the two other ops in ascending order.
 *
 * <p>Immutable; each {@link #run} uses its own state, on the calling thread.
 */
public final class RegularizedEvolution implements SearchStrategy {
  /** Mutation or random draws in a row without a valid cell after which a resampling run gives up. */
  static final int MAX_RESAMPLES = 1_000_000;

  private final RegularizedEvolutionParameters parameters;
  private final TournamentSelector<IntegerGene, Double> selector;
  private final StepListener listener;

  /** Sees every birth (tests). */
  interface StepListener {
    /**
     * @param parent the tournament winner, null for an initial member
     * @param child the new member
     * @param died the member that died, null while the population grows
     * @param population the population after the birth, oldest first
     */
    void onBirth(Phenotype<IntegerGene, Double> parent, Phenotype<IntegerGene, Double> child,
        Phenotype<IntegerGene, Double> died, Seq<Phenotype<IntegerGene, Double>> population);
  }

  public RegularizedEvolution(RegularizedEvolutionParameters parameters) {
    this(parameters, null);
  }

  RegularizedEvolution(RegularizedEvolutionParameters parameters, StepListener listener) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.selector = new TournamentSelector<>(parameters.tournamentSize());
    this.listener = listener;
  }

  /** The parameters. */
  public RegularizedEvolutionParameters parameters() {
    return parameters;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(rng, "rng");
    RandomRegistry.with(rng, r -> {
      new Run(oracle, r).evolve();
      return null;
    });
  }

  @Override
  public String toString() {
    return "regularized-evolution " + parameters;
  }

  /** The state of one run. */
  private final class Run {
    private final Oracle oracle;
    private final RandomGenerator rng;
    private final AgingPopulation population;
    private final Factory<Genotype<IntegerGene>> factory = CellCodec.instance().encoding();
    private final boolean resample = parameters.invalid() == InvalidHandling.RESAMPLE;
    private final int[] shuffle;
    private long births;
    private int childBits;
    private final int[] childOps = new int[CellSpec.OP_VARIABLES];

    Run(Oracle oracle, RandomGenerator rng) {
      this.oracle = oracle;
      this.rng = rng;
      this.population = new AgingPopulation(parameters.populationSize());
      this.shuffle = parameters.tournamentSampling() == TournamentSampling.WITHOUT_REPLACEMENT
          ? new int[parameters.populationSize()] : null;
    }

    void evolve() {
      int initial = parameters.effectiveInitialSize();
      BitSet seen = parameters.distinctInitial() ? new BitSet() : null;
      while (population.length() < initial) {
        Genotype<IntegerGene> g;
        CellSpec cell;
        int attempts = 0;
        while (true) {
          g = factory.newInstance();
          cell = CellCodec.toCell(g);
          int id = seen == null && !resample ? 0 : oracle.idOf(cell);
          boolean ok = !resample || id >= 0;
          if (ok && seen != null && id >= 0) {
            ok = !seen.get(id);
          }
          if (ok) {
            if (seen != null && id >= 0) {
              seen.set(id);
            }
            break;
          }
          giveUpAfter(++attempts, "no valid random cell");
        }
        evaluate(null, g, cell);
      }
      while (true) {
        Phenotype<IntegerGene, Double> parent = select();
        Genotype<IntegerGene> pg = parent.genotype();
        int parentBits = CellCodec.edgeBits(pg);
        int[] parentOps = CellCodec.ops(pg);
        CellSpec cell;
        int attempts = 0;
        while (true) {
          // mutate the encoding and check validity (free) before building a Jenetics genotype
          mutate(parentBits, parentOps);
          cell = CellSpec.fromEncoding(childBits, childOps);
          if (!resample || oracle.isValid(cell)) {
            break;
          }
          giveUpAfter(++attempts, "no valid mutation of " + CellCodec.toCell(pg));
        }
        evaluate(parent, CellCodec.of(childBits, childOps, pg, parentBits), cell);
      }
    }

    private void giveUpAfter(int attempts, String what) {
      if (attempts >= MAX_RESAMPLES) {
        throw new IllegalStateException(what + " in " + MAX_RESAMPLES + " draws under the oracle's validity rule "
            + oracle.config().validity());
      }
    }

    private void evaluate(Phenotype<IntegerGene, Double> parent, Genotype<IntegerGene> g, CellSpec cell) {
      Observation o = oracle.query(cell);
      double fitness;
      if (o.hasData()) {
        fitness = o.validationAccuracy();
      } else if (resample) {
        return; // a rejected duplicate (policy REJECT): no data, not a member; the step is repeated
      } else {
        fitness = -1.0; // invalid (or rejected) cell: recorded by the oracle, member until it ages out
      }
      Phenotype<IntegerGene, Double> child = Phenotype.of(g, births++, fitness);
      Phenotype<IntegerGene, Double> died = population.add(child);
      if (listener != null) {
        listener.onBirth(parent, child, died, population.view());
      }
    }

    private Phenotype<IntegerGene, Double> select() {
      Seq<Phenotype<IntegerGene, Double>> members = population.view();
      boolean youngest = parameters.tieBreak() == TieBreak.YOUNGEST;
      int n = members.length();
      if (shuffle == null) {
        if (!youngest) {
          return selector.select(members, 1, Optimize.MAXIMUM).get(0);
        }
        // the selector's draws (S × nextInt(n)), keeping the youngest (largest index) of the tied best
        int bestIndex = -1;
        for (int i = 0; i < parameters.tournamentSize(); i++) {
          bestIndex = better(members, rng.nextInt(n), bestIndex, true);
        }
        return members.get(bestIndex);
      }
      int s = Math.min(parameters.tournamentSize(), n);
      for (int i = 0; i < n; i++) {
        shuffle[i] = i;
      }
      int bestIndex = -1;
      for (int i = 0; i < s; i++) {
        int j = i + rng.nextInt(n - i);
        int pick = shuffle[j];
        shuffle[j] = shuffle[i];
        shuffle[i] = pick;
        bestIndex = better(members, pick, bestIndex, youngest);
      }
      return members.get(bestIndex);
    }

    /** The index of the tournament's winner so far after drawing member {@code pick} (index 0 = oldest). */
    private int better(Seq<Phenotype<IntegerGene, Double>> members, int pick, int bestIndex, boolean youngest) {
      if (bestIndex < 0) {
        return pick;
      }
      double f = members.get(pick).fitness();
      double b = members.get(bestIndex).fitness();
      return f > b || (youngest && f == b && pick > bestIndex) ? pick : bestIndex;
    }

    /** Writes the mutated parent encoding to {@link #childBits} and {@link #childOps}. */
    private void mutate(int parentBits, int[] parentOps) {
      System.arraycopy(parentOps, 0, childOps, 0, childOps.length);
      if (parameters.mutation() == MutationKind.ONE_VARIABLE) {
        int v = rng.nextInt(CellSpec.VARIABLES);
        if (v < CellSpec.EDGE_VARIABLES) {
          childBits = parentBits ^ 1 << v;
        } else {
          childBits = parentBits;
          int i = v - CellSpec.EDGE_VARIABLES;
          childOps[i] = otherOp(parentOps[i], rng.nextInt(2));
        }
        return;
      }
      int bits = parentBits;
      double pe = parameters.edgeFlipProbability();
      for (int k = 0; k < CellSpec.EDGE_VARIABLES; k++) {
        if (rng.nextDouble() < pe) {
          bits ^= 1 << k;
        }
      }
      childBits = bits;
      double po = parameters.opChangeProbability();
      for (int i = 0; i < childOps.length; i++) {
        if (rng.nextDouble() < po) {
          childOps[i] = otherOp(childOps[i], rng.nextInt(2));
        }
      }
    }
  }

  /** The {@code r}-th (0 or 1) of the two ops other than {@code op}, in ascending order. */
  static int otherOp(int op, int r) {
    return r < op ? r : r + 1;
  }
}
