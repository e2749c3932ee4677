package nas4j.search.external;

import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** The {@code external} provider. Stateless. */
public final class ExternalProvider implements StrategyProvider<ExternalParameters> {
  @Override
  public String name() {
    return "external";
  }

  @Override
  public String description() {
    return "a program in any language, started per run, asking for cells over the ask-tell JSON-lines protocol"
        + " (docs/ask-tell.md); params: command, timeout_seconds";
  }

  @Override
  public Class<ExternalParameters> parametersType() {
    return ExternalParameters.class;
  }

  @Override
  public ExternalParameters defaults() {
    return ExternalParameters.defaults();
  }

  @Override
  public SearchStrategy create(ExternalParameters parameters) {
    if (parameters.command().isBlank()) {
      throw new IllegalArgumentException("command is required: the program to run, e.g. params: {command: python3"
          + " examples/python/random_search.py}");
    }
    return new ExternalStrategy(parameters);
  }
}
