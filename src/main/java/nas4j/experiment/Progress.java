package nas4j.experiment;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a batch, counted in finished runs: a progress bar with ETA on a terminal, plain lines at most every
 * {@code interval} otherwise (CI logs), or nothing. Thread-safe.
 */
public abstract class Progress implements AutoCloseable {
  /** How to show progress. */
  public enum Mode { AUTO, BAR, PLAIN, NONE }

  /** Called once per finished run, from any thread. */
  public abstract void step();

  @Override
  public abstract void close();

  /** A progress display for {@code total} runs still to do. */
  public static Progress create(Mode mode, PrintStream err, String task, int total) {
    Mode m = mode;
    if (m == Mode.AUTO) {
      m = System.console() != null ? Mode.BAR : Mode.PLAIN;
    }
    switch (m) {
      case BAR:
        return new Bar(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(err)).build());
      case PLAIN:
        return new Plain(err, task, total, Duration.ofSeconds(10));
      default:
        return new Progress() {
          @Override
          public void step() {}

          @Override
          public void close() {}
        };
    }
  }

  private static final class Bar extends Progress {
    private final ProgressBar bar;

    Bar(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void step() {
      bar.step();
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  static final class Plain extends Progress {
    private final PrintStream err;
    private final String task;
    private final int total;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int done;

    Plain(PrintStream err, String task, int total, Duration interval) {
      this.err = err;
      this.task = task;
      this.total = total;
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void step() {
      done++;
      long now = System.nanoTime();
      if (now - lastPrint >= intervalNanos || done == total) {
        lastPrint = now;
        double el = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : el / done * (total - done);
        err.printf(Locale.ROOT, "%s: %d/%d runs (%.1f%%), %s elapsed, ETA %s%n", task, done, total,
            100.0 * done / Math.max(1, total), clock(el), clock(eta));
        err.flush();
      }
    }

    static String clock(double s) {
      if (Double.isNaN(s)) {
        return "?";
      }
      long t = Math.round(s);
      return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
          : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    @Override
    public void close() {}
  }
}
