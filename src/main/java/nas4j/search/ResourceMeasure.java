package nas4j.search;

/**
 * The resource a resource-aware reward penalises. Config names are {@link #toString()}: {@code none},
 * {@code parameters}, {@code training-time}. Immutable.
 */
public enum ResourceMeasure {
  /** Reward = validation accuracy (the published REINFORCE). */
  NONE("none"),
  /** The cell's trainable parameters ({@code oracle.space().parameters(id)}). */
  PARAMETERS("parameters"),
  /** The training time the query returned, in seconds. */
  TRAINING_TIME("training-time");

  private final String configName;

  ResourceMeasure(String configName) {
    this.configName = configName;
  }

  @Override
  public String toString() {
    return configName;
  }

  /** Parses a config name; case, '-' and '_' are interchangeable. */
  public static ResourceMeasure parse(String text) {
    return Names.parse(ResourceMeasure.class, text, "resource");
  }
}
