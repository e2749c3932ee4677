package nas4j.bench;

/**
 * What the oracle does when a run queries a cell (same canonical hash, budget and halfway flag) it queried
 * before: {@link #CHARGE} evaluates and charges it again (every published protocol); {@link #REPLAY} returns the
 * earlier result for free; {@link #REJECT} evaluates nothing, charges nothing and returns a
 * {@link Observation.Status#REJECTED_DUPLICATE} observation.
 */
public enum DuplicatePolicy { CHARGE, REPLAY, REJECT }
