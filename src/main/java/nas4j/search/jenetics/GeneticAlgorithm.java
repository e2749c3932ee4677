package nas4j.search.jenetics;

import nas4j.search.InvalidHandling;
import io.jenetics.Genotype;
import io.jenetics.IntegerGene;
import io.jenetics.Mutator;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Constraint;
import io.jenetics.engine.Engine;
import io.jenetics.engine.Evaluators;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.Factory;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;

/**
 * Jenetics' classic generational genetic algorithm on the {@link CellCodec} genotype, for comparison with
 * regularized evolution: a Jenetics {@link Engine} with explicit population size, offspring fraction, tournament
 * selectors, single-point crossover + mutator and maximal phenotype age, a serial evaluator and a same-thread
 * executor, under {@link RandomRegistry#with} bound to the run's generator (so a seed fixes the query sequence).
 * Fitness = the oracle's sampled validation accuracy. Individuals that survive a generation unchanged keep their
 * fitness and are not queried again; every new or altered individual is one query.
 *
 * <p>Invalid cells: {@code resample} installs a Jenetics {@link Constraint} whose test is the oracle's (free)
 * validity check and whose repair draws fresh random genotypes until one is valid, so only valid cells are ever
 * queried (an invalid child is replaced by a random cell, as Jenetics' constraints do); {@code record-and-drop}
 * queries invalid cells (the oracle records them at zero cost) and gives them fitness −1. The run ends when the
 * oracle throws {@link BudgetExhaustedException}, which is rethrown unwrapped.
 *
 * <p>Immutable; each {@link #run} builds its own engine.
 */
public final class GeneticAlgorithm implements SearchStrategy {
  private final GeneticAlgorithmParameters parameters;
  private final Consumer<EvolutionResult<IntegerGene, Double>> listener;

  public GeneticAlgorithm(GeneticAlgorithmParameters parameters) {
    this(parameters, null);
  }

  /** With a listener that sees every generation's result (tests). */
  GeneticAlgorithm(GeneticAlgorithmParameters parameters, Consumer<EvolutionResult<IntegerGene, Double>> listener) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.listener = listener;
  }

  /** The parameters. */
  public GeneticAlgorithmParameters parameters() {
    return parameters;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(rng, "rng");
    try {
      RandomRegistry.with(rng, r -> {
        evolve(oracle);
        return null;
      });
    } catch (RuntimeException e) {
      // the engine may wrap an exception of the fitness function (e.g. in a CompletionException)
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BudgetExhaustedException) {
          throw (BudgetExhaustedException) t;
        }
      }
      throw e;
    }
  }

  private void evolve(Oracle oracle) {
    Engine<IntegerGene, Double> engine = engine(oracle);
    EvolutionResult<IntegerGene, Double> result = engine.evolve(EvolutionStart.of(ISeq.empty(), 1));
    while (true) {
      if (listener != null) {
        listener.accept(result);
      }
      result = engine.evolve(result.next());
    }
  }

  /** The engine of one run. */
  Engine<IntegerGene, Double> engine(Oracle oracle) {
    Function<Genotype<IntegerGene>, Double> fitness = g -> {
      Observation o = oracle.query(CellCodec.toCell(g));
      return o.hasData() ? o.validationAccuracy() : -1.0;
    };
    Factory<Genotype<IntegerGene>> random = CellCodec.instance().encoding();
    Constraint<IntegerGene, Double> constraint;
    if (parameters.invalid() == InvalidHandling.RESAMPLE) {
      constraint = Constraint.of(
          pt -> oracle.isValid(CellCodec.toCell(pt.genotype())),
          (pt, generation) -> Phenotype.of(validRandom(oracle, random), generation));
    } else {
      constraint = Constraint.of(pt -> true, (pt, generation) -> pt);
    }
    return new Engine.Builder<IntegerGene, Double>(Evaluators.serial(fitness), constraint.constrain(random))
        .optimize(Optimize.MAXIMUM)
        .populationSize(parameters.populationSize())
        .offspringFraction(parameters.offspringFraction())
        .offspringSelector(new TournamentSelector<>(parameters.tournamentSize()))
        .survivorsSelector(new TournamentSelector<>(parameters.tournamentSize()))
        .alterers(new SinglePointCrossover<>(parameters.crossoverProbability()),
            new Mutator<>(parameters.mutationProbability()))
        .constraint(constraint)
        .maximalPhenotypeAge(parameters.maximalPhenotypeAge())
        .executor(Runnable::run)
        .clock(InstantSource.fixed(Instant.EPOCH))
        .build();
  }

  private static Genotype<IntegerGene> validRandom(Oracle oracle, Factory<Genotype<IntegerGene>> random) {
    for (int i = 0; i < RegularizedEvolution.MAX_RESAMPLES; i++) {
      Genotype<IntegerGene> g = random.newInstance();
      if (oracle.isValid(CellCodec.toCell(g))) {
        return g;
      }
    }
    throw new IllegalStateException("no valid random cell in " + RegularizedEvolution.MAX_RESAMPLES
        + " draws under the oracle's validity rule " + oracle.config().validity());
  }

  @Override
  public String toString() {
    return "genetic-algorithm " + parameters;
  }
}
