package nas4j.bench;

import nas4j.space.DomainRule;

/**
 * Everything about one oracle query, for listeners that record traces (never given to strategies): the
 * observation, the repeat used (−1 for the mean), the returned run's test accuracy, the cumulative budget after
 * it, the rule an invalid cell broke, and the strategy's own time since the previous valid query (time on the run's thread outside the
 * oracle; −1 for invalid queries, whose time counts toward the next valid one, and when not measured). Immutable.
 */
public record QueryRecord(Observation observation, int repeat, double testAccuracy, double timeSpent,
    long epochsSpent, long chargedQueries, DomainRule violation, long strategyNanos) {}
