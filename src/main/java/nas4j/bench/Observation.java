package nas4j.bench;

import nas4j.space.ModuleHash;

/**
 * What a search strategy learns from one query: the canonical hash and id of the cell, the (sampled) validation
 * accuracy and the training time of the returned run, and the cost charged. Never test accuracy. Immutable.
 *
 * <p>An invalid cell gives {@link Status#INVALID}: no hash (null), id −1, accuracy 0 (error 1), cost 0, as the
 * paper's scripts record it.
 */
public record Observation(long sequence, Status status, ModuleHash hash, int cellId, int epochs,
    boolean halfway, double validationAccuracy, double trainingTime, double cost) {

  public enum Status {
    /** Evaluated and charged. */
    EVALUATED,
    /** A duplicate evaluated and charged again (policy CHARGE). */
    EVALUATED_DUPLICATE,
    /** A duplicate answered with the earlier result for free (policy REPLAY). */
    REPLAYED,
    /** A duplicate refused (policy REJECT): no data, no charge. */
    REJECTED_DUPLICATE,
    /** Not a valid cell under the oracle's validity rule: no data, no charge. */
    INVALID
  }

  /** True if the cell was valid (whatever the duplicate handling). */
  public boolean valid() {
    return status != Status.INVALID;
  }

  /** True if the query hit a cell queried before in this run. */
  public boolean duplicate() {
    return status == Status.EVALUATED_DUPLICATE || status == Status.REPLAYED || status == Status.REJECTED_DUPLICATE;
  }

  /** True if the observation carries data (evaluated or replayed). */
  public boolean hasData() {
    return status == Status.EVALUATED || status == Status.EVALUATED_DUPLICATE || status == Status.REPLAYED;
  }
}
