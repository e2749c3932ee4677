package nas4j.bench.io;

import java.util.Objects;
import nas4j.bench.MetricsTable;
import nas4j.bench.StoredFixedData;
import nas4j.bench.TableBenchmark;
import nas4j.space.SpaceIndex;

/**
 * The tabular benchmark of an official (or official-layout) file, with the identity of the file it came from.
 * Immutable and thread-safe.
 */
public final class DatasetBenchmark extends TableBenchmark {
  private final DatasetIdentity dataset;
  private final StoredFixedData stored;

  public DatasetBenchmark(DatasetIdentity dataset, SpaceIndex space, MetricsTable table) {
    this(dataset, space, table, StoredFixedData.CANONICAL);
  }

  /** With the fixed data as the file stores them where they differ from the canonical ones. */
  public DatasetBenchmark(DatasetIdentity dataset, SpaceIndex space, MetricsTable table, StoredFixedData stored) {
    super(Objects.requireNonNull(dataset).identity(), false, space, table);
    this.dataset = dataset;
    this.stored = Objects.requireNonNull(stored);
  }

  @Override
  public StoredFixedData stored() {
    return stored;
  }

  /** File name, size, full SHA-256 and official status, for metadata. */
  public DatasetIdentity dataset() {
    return dataset;
  }
}
