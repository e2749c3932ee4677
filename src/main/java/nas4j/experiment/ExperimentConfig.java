package nas4j.experiment;

import java.util.List;
import nas4j.bench.Budget;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.space.ValidityRule;

/**
 * An experiment file as written (YAML keys in snake_case); absent optional keys are null here and get their
 * defaults in {@link Experiment}. Immutable.
 *
 * @param benchmark {@code surrogate} or a path to an official {@code .tfrecord} (or its cache), relative to the
 *     YAML file
 * @param output results folder, relative to the working directory (default {@code results/<name>})
 * @param threads worker threads (0 or absent: the available processors)
 * @param plugins a folder of strategy plugin jars, relative to the YAML file (in addition to {@code plugins/}
 *     beside it)
 * @param protocol a publication's protocol setting validity, repeat, duplicates, presets, report and checkpoints
 *     (keys written here override it)
 * @param report how the incumbent's test accuracy is reported (and y* computed)
 * @param checkpoints where summary.csv reports
 * @param incumbent which queries may become the incumbent ({@link IncumbentRule}; default final-budget)
 */
public record ExperimentConfig(String name, String description, String benchmark, Integer epochs,
    RepeatPolicy repeat, Budget budget, DuplicatePolicy duplicates, ValidityRule validity,
    List<StrategySpec> strategies, Seeds seeds, Long experimentSeed, String output, Integer threads,
    TraceMode trace, Boolean measureCpu, String plugins, Protocol protocol, TestReport report,
    Checkpoints checkpoints, IncumbentRule incumbent) {

  /** A problem with one key's value (or its absence): the reader reports it at that key's line. */
  static final class KeyProblem extends IllegalArgumentException {
    final String key;

    KeyProblem(String key, String message) {
      super(message);
      this.key = key;
    }
  }

  public ExperimentConfig {
    if (name == null || name.isBlank()) {
      throw new KeyProblem("name", "missing key 'name' (e.g. name: my-comparison)");
    }
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new KeyProblem("name", "name '" + name + "' may only use letters, digits and . _ -"
          + " (it is the default results folder)");
    }
    if (budget == null) {
      throw new KeyProblem("budget", "missing key 'budget' (e.g. budget: {seconds: 1e7}, {queries: 150}"
          + " or {epochs: 100000})");
    }
    if (strategies == null) {
      throw new KeyProblem("strategies", "missing key 'strategies' (a list of {strategy: <name>, label: <label>,"
          + " params: {...}})");
    }
    if (strategies.isEmpty()) {
      throw new KeyProblem("strategies", "strategies: the list is empty; give at least one entry such as"
          + " {strategy: random-search}");
    }
    strategies = List.copyOf(strategies);
    if (seeds == null) {
      throw new KeyProblem("seeds", "missing key 'seeds' (a count like 'seeds: 20' or a list like"
          + " 'seeds: [0, 1, 5]')");
    }
    if (epochs != null && epochs != 4 && epochs != 12 && epochs != 36 && epochs != 108) {
      throw new KeyProblem("epochs", "epochs must be one of the NAS-Bench-101 budgets 4, 12, 36, 108; got "
          + epochs);
    }
    if (checkpoints != null && !checkpoints.queries().whole()) {
      throw new IllegalArgumentException("checkpoints: queries must be whole numbers");
    }
    if (threads != null && threads < 0) {
      throw new KeyProblem("threads", "threads must be ≥ 0 (0 = available processors); got " + threads);
    }
  }
}
