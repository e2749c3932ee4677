package nas4j.search.jenetics;

import nas4j.util.ConfigNames;

/**
 * Which member wins a regularized-evolution tournament when several drawn members share the best fitness.
 * Friendly names: {@code first-drawn} (automl/nas_benchmarks, naszilla and NASLib take the first maximum they
 * meet; Jenetics' {@code TournamentSelector} does the same), {@code youngest} (the nasbench notebook sorts the
 * drawn members, kept in population order, by validation accuracy and takes the last one, i.e. the youngest of
 * the tied best).
 */
public enum TieBreak {
  FIRST_DRAWN,
  YOUNGEST;

  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a friendly name. */
  public static TieBreak parse(String text) {
    return ConfigNames.parse(TieBreak.class, text, "tieBreak");
  }
}
