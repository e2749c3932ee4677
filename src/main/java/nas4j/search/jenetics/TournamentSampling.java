package nas4j.search.jenetics;

import nas4j.util.ConfigNames;

/**
 * How regularized evolution draws its tournament from the population. Friendly names: {@code with-replacement}
 * (automl/nas_benchmarks, naszilla, NASLib; Jenetics' {@code TournamentSelector}), {@code without-replacement}
 * (the nasbench notebook's {@code random.sample}).
 */
public enum TournamentSampling {
  WITH_REPLACEMENT,
  WITHOUT_REPLACEMENT;

  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a friendly name. */
  public static TournamentSampling parse(String text) {
    return ConfigNames.parse(TournamentSampling.class, text, "tournamentSampling");
  }
}
