package nas4j.analysis;

import java.util.List;

/**
 * Everything {@code nas4j analyze} computes: the walk-based statistics on the benchmark and, per source of
 * values (the benchmark, a real sample, the benchmark restricted to the sample's cells), the operation effects,
 * shape effects and distribution. Immutable.
 *
 * @param benchmark identity of the analysed benchmark
 * @param surrogate true if the benchmark is a surrogate
 * @param options the settings
 * @param rwa random-walk autocorrelation on the benchmark
 * @param locality locality on the benchmark
 * @param sources statistics per source of values, the benchmark first
 * @param seconds wall-clock seconds per part, in the order computed
 */
public record LandscapeReport(String benchmark, boolean surrogate, AnalysisOptions options,
    RandomWalkAutocorrelation rwa, Locality locality, List<SourceStats> sources, List<Timing> seconds) {

  public LandscapeReport {
    sources = List.copyOf(sources);
    seconds = List.copyOf(seconds);
  }

  /**
   * The statistics of one source of values.
   *
   * @param role {@code benchmark}, {@code sample} or {@code benchmark_on_sample}
   * @param source identity of the benchmark or path of the file
   * @param cells cells with values
   */
  public record SourceStats(String role, String source, int cells, OperationEffects operations,
      ShapeEffects shape, Distribution distribution) {}

  /** Wall-clock time of one part. */
  public record Timing(String part, double seconds) {}

  /** The statistics of a role, or null. */
  public SourceStats source(String role) {
    return sources.stream().filter(s -> s.role().equals(role)).findFirst().orElse(null);
  }

  /** Total wall-clock seconds. */
  public double totalSeconds() {
    return seconds.stream().mapToDouble(Timing::seconds).sum();
  }
}
