package nas4j.search;

/**
 * A named factory of strategies, found through {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/nas4j.search.StrategyProvider}), so users can add strategies from their own jar.
 *
 * @param <P> the strategy's parameters: an immutable record whose canonical constructor validates every field
 *     and throws {@link IllegalArgumentException} naming the parameter and the allowed range
 */
public interface StrategyProvider<P extends Record> {
  /** The name used in configs, e.g. {@code regularized-evolution}. Lower case, words joined by '-'. */
  String name();

  /** One line: what it is and which published protocol its defaults reproduce. */
  String description();

  /** The parameter record type (bound from YAML by the experiment package). */
  Class<P> parametersType();

  /** The default parameters (the published protocol). */
  P defaults();

  /** A new strategy with these parameters. */
  SearchStrategy create(P parameters);
}
