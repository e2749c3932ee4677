package nas4j.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (1-based, as SLURM array indexes {@code --array=1-N} and GNU parallel's
 * {@code {#}} count): the runs whose position in the experiment's run order (strategies as configured, seeds as
 * listed) is congruent to {@code index - 1} modulo {@code count}.
 *
 * <p>Why this slicing: runs of one strategy have the same expected cost (same protocol and budget, only the seed
 * differs), while strategies differ by up to ten times in cost. Dealing the runs round-robin in strategy-major
 * order gives every shard ⌊n/N⌋ or ⌈n/N⌉ runs of <em>every</em> strategy (n = that strategy's seed count), so the
 * shards' expected costs differ by at most one run per strategy, whatever the strategies' relative costs; and since
 * the dealing continues across strategies, the shards that get an extra run of one strategy are not the ones that
 * get an extra run of the next. The slices depend only on the config, so every process computes the same ones.
 * Immutable.
 */
public record Shard(int index, int count) {
  /** How runs are dealt to shards, as recorded in a shard's run.json. */
  public static final String SLICING = "run at position p of the run order (strategies as configured, seeds as "
      + "listed) belongs to shard (p mod N) + 1";
  private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1; got " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException("shard index must be in 1.." + count + "; got " + index);
    }
  }

  /** Parses {@code I/N} (e.g. {@code 2/8}). */
  public static Shard parse(String text) {
    Matcher m = SPEC.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("--shard '" + text + "' is not I/N (shard I of N, 1 ≤ I ≤ N, e.g. 2/8)");
    }
    int i = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || i < 1 || i > n) {
      throw new IllegalArgumentException("--shard '" + text + "': I must be in 1..N and N at least 1 (e.g. 2/8)");
    }
    return new Shard(i, n);
  }

  /** True if the run at {@code position} in the experiment's run order belongs to this shard. */
  public boolean holds(int position) {
    return position % count == index - 1;
  }

  /** The shard (1-based index) that holds the run at {@code position}, for {@code count} shards. */
  public static int of(int position, int count) {
    return position % count + 1;
  }

  /** This shard's runs, in run order. */
  public List<RunKey> select(List<RunKey> all) {
    List<RunKey> mine = new ArrayList<>();
    for (int p = index - 1; p < all.size(); p += count) {
      mine.add(all.get(p));
    }
    return mine;
  }

  /** The shard's folder name: {@code shard-I-of-N-<first 12 hex digits of the config hash>}. */
  public String folderName(String configHash) {
    return "shard-" + index + "-of-" + count + "-" + configHash.substring(0, Math.min(12, configHash.length()));
  }

  /** "2/8". */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
