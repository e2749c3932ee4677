package nas4j.experiment;

/** One run of an experiment: the strategy's position and label, and the seed value. Immutable. */
public record RunKey(int strategyIndex, String label, long seed) {
  /** "label seed N", for messages. */
  @Override
  public String toString() {
    return label + " seed " + seed;
  }
}
