/**
 * The {@code external} strategy: a search strategy written in any language, run as a separate process per run that
 * speaks the ask–tell protocol (one JSON object per line on its stdin/stdout, {@code docs/ask-tell.md}). Every
 * query goes through the run's {@link nas4j.bench.Oracle}, so budgets, duplicate and validity policies and traces
 * are those of the built-in strategies; the process never sees test accuracy.
 *
 * <p>May depend on {@code nas4j.search}, {@code nas4j.bench}, {@code nas4j.space} and Jackson (the JSON lines).
 * Unlike an in-process strategy, the adapter starts a process and bounds each wait by a wall-clock timeout; the
 * queries, and so the results, depend only on what the process asks.
 */
package nas4j.search.external;
