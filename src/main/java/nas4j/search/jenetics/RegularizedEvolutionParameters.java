package nas4j.search.jenetics;

import nas4j.search.InvalidHandling;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parameters of {@link RegularizedEvolution}. Immutable; the canonical constructor validates every field and throws
 * {@link IllegalArgumentException} naming the parameter and its allowed range. {@link #defaults()} reproduces the
 * automl/nas_benchmarks script behind the NAS-Bench-101 paper; {@link #preset(String)} gives the other published
 * variants (automl/nas_benchmarks, the nasbench notebook, naszilla, NASLib; docs/search-protocols.md).
 *
 * @param populationSize members the tournament draws from once the population is full; after each new member the
 *     oldest one dies when the population is larger than this (2..100,000)
 * @param initialSize random cells that start the population: 0 means {@code populationSize}, otherwise
 *     1..populationSize (naszilla starts with 10 and lets the population grow)
 * @param tournamentSize members drawn per tournament (2..populationSize); without replacement a tournament is at
 *     most as large as the current population
 * @param tournamentSampling with or without replacement
 * @param mutation one variable, or each variable independently
 * @param edgeFlipProbability per-variable mutation: probability that an edge bit flips (0..1; unused by
 *     {@code one-variable})
 * @param opChangeProbability per-variable mutation: probability that an op changes to a different op (0..1;
 *     unused by {@code one-variable})
 * @param invalid record-and-drop (query invalid cells at zero cost; members with fitness −1) or resample
 * @param distinctInitial true: the initial random cells are distinct canonical cells (naszilla deduplicates its
 *     initial set)
 * @param tieBreak the tournament winner among drawn members tied at the best fitness: the first drawn, or the
 *     youngest (the notebook)
 */
public record RegularizedEvolutionParameters(int populationSize, int initialSize, int tournamentSize,
    TournamentSampling tournamentSampling, MutationKind mutation, double edgeFlipProbability,
    double opChangeProbability, InvalidHandling invalid, boolean distinctInitial, TieBreak tieBreak) {

  /** Largest allowed population. */
  public static final int MAX_POPULATION = 100_000;
  /** Names accepted by {@link #preset(String)}. */
  public static final List<String> PRESETS = List.of("paper", "notebook", "naszilla", "naslib");

  public RegularizedEvolutionParameters {
    if (populationSize < 2 || populationSize > MAX_POPULATION) {
      throw new IllegalArgumentException("populationSize must be in 2.." + MAX_POPULATION + "; got " + populationSize);
    }
    if (initialSize < 0 || initialSize > populationSize) {
      throw new IllegalArgumentException("initialSize must be 0 (= populationSize) or in 1..populationSize ("
          + populationSize + "); got " + initialSize);
    }
    if (tournamentSize < 2 || tournamentSize > populationSize) {
      throw new IllegalArgumentException("tournamentSize must be in 2..populationSize (" + populationSize + "); got "
          + tournamentSize);
    }
    Objects.requireNonNull(tournamentSampling, "tournamentSampling (with-replacement or without-replacement)");
    Objects.requireNonNull(mutation, "mutation (one-variable or per-variable)");
    Objects.requireNonNull(invalid, "invalid (record-and-drop or resample)");
    Objects.requireNonNull(tieBreak, "tieBreak (first-drawn or youngest)");
    checkProbability("edgeFlipProbability", edgeFlipProbability);
    checkProbability("opChangeProbability", opChangeProbability);
  }

  private static void checkProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be in 0..1; got " + p);
    }
  }

  /**
   * The automl/nas_benchmarks script ({@code run_regularized_evolution.py}): population 100, tournament 10 with
   * replacement, one-variable mutation, random initial population with invalid cells recorded and dropped
   * (fitness −1 until they age out).
   */
  public static RegularizedEvolutionParameters defaults() {
    return new RegularizedEvolutionParameters(100, 0, 10, TournamentSampling.WITH_REPLACEMENT,
        MutationKind.ONE_VARIABLE, 1.0 / 7, 1.0 / 5, InvalidHandling.RECORD_AND_DROP, false,
        TieBreak.FIRST_DRAWN);
  }

  /**
   * The google-research/nasbench notebook: population 50, tournament 10 without replacement, each edge flips with
   * p = 1/7 and each op changes with p = 1/5, children and random cells resampled until valid; among tied best
   * members of a tournament the youngest wins ({@code sorted(sample, key=accuracy)[-1]} over a sample kept in
   * population order).
   */
  public static RegularizedEvolutionParameters notebook() {
    return new RegularizedEvolutionParameters(50, 0, 10, TournamentSampling.WITHOUT_REPLACEMENT,
        MutationKind.PER_VARIABLE, 1.0 / 7, 1.0 / 5, InvalidHandling.RESAMPLE, false, TieBreak.YOUNGEST);
  }

  /**
   * naszilla {@code evolution_search}: 10 distinct random cells start the population; tournament 10 with
   * replacement; edges flip with p = 1/21, ops change with p = 1/5, resampled until valid. naszilla appends the
   * child and removes the oldest once the population has reached 30, so its tournaments see at most 29 members:
   * {@code populationSize} 29 here. (naszilla deduplicates the initial cells by its path key; nas4j by canonical
   * cell, a slightly finer key.)
   */
  public static RegularizedEvolutionParameters naszilla() {
    return new RegularizedEvolutionParameters(29, 10, 10, TournamentSampling.WITH_REPLACEMENT,
        MutationKind.PER_VARIABLE, 1.0 / 21, 1.0 / 5, InvalidHandling.RESAMPLE, true, TieBreak.FIRST_DRAWN);
  }

  /**
   * NASLib (current {@code mutate}, {@code bbo-bs} preset): population 50 of random cells, tournament 10 with
   * replacement, edges flip with p = 1/7, ops change with p = 1/3, resampled until valid.
   */
  public static RegularizedEvolutionParameters naslib() {
    return new RegularizedEvolutionParameters(50, 0, 10, TournamentSampling.WITH_REPLACEMENT,
        MutationKind.PER_VARIABLE, 1.0 / 7, 1.0 / 3, InvalidHandling.RESAMPLE, false, TieBreak.FIRST_DRAWN);
  }

  /** A preset by name ({@link #PRESETS}); an unknown name fails listing the known ones. */
  public static RegularizedEvolutionParameters preset(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "paper":
      case "default":
        return defaults();
      case "notebook":
        return notebook();
      case "naszilla":
        return naszilla();
      case "naslib":
        return naslib();
      default:
        throw new IllegalArgumentException("unknown regularized-evolution preset '" + name + "'; known: "
            + String.join(", ", PRESETS));
    }
  }

  /** The number of initial random members ({@code initialSize}, or {@code populationSize} when it is 0). */
  public int effectiveInitialSize() {
    return initialSize == 0 ? populationSize : initialSize;
  }
}
