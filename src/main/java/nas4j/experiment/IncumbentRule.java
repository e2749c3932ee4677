package nas4j.experiment;

/**
 * Which queries may become a run's incumbent (config key {@code incumbent}). It matters only for multi-fidelity
 * strategies (Hyperband, BOHB), whose queries at 4, 12 and 36 epochs are charged like any other:
 * <ul>
 *   <li>{@link #FINAL_BUDGET} (default) — only queries at the incumbent budget ({@code epochs}, normally 108): a
 *   cheap low-budget result is never reported as the search's answer;</li>
 *   <li>{@link #ANY_BUDGET} — every query with data, whatever its budget, compared by the validation accuracy it
 *   returned, as automl/nas_benchmarks {@code get_results} walks the recorded trace behind the NAS-Bench-101
 *   paper's Fig. 7 (which is why Hyperband and BOHB have an incumbent, and lead, before their first 108-epoch
 *   result).</li>
 * </ul>
 * Either way the test regret uses the incumbent cell's test accuracy at the optimum's budget (108 epochs), never a
 * low-budget value. Immutable.
 */
public enum IncumbentRule {
  FINAL_BUDGET,
  ANY_BUDGET;

  /** The config spelling ({@code any-budget}). */
  @Override
  public String toString() {
    return nas4j.util.ConfigNames.of(this);
  }
}
