package nas4j.bench.io;

/** A loaded file: the benchmark, the identity of the file and a report of the load. Immutable. */
public record LoadedDataset(DatasetBenchmark benchmark, DatasetIdentity identity, LoadReport report) {}
