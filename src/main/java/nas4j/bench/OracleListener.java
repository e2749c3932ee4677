package nas4j.bench;

/** Receives every query of an {@link Oracle}, in order, on the run's thread. */
@FunctionalInterface
public interface OracleListener {
  void onQuery(QueryRecord record);
}
