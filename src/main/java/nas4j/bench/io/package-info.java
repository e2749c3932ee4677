/**
 * Reading and writing the official NAS-Bench-101 files: TFRecord framing with masked CRC32C checks, the JSON row
 * and the ModelMetrics protobuf (the only package that uses protobuf-java), parallel loading into a
 * {@link nas4j.bench.MetricsTable}, the versioned binary cache, the exporter and a synthetic-data generator.
 *
 * <p>Depends on {@code nas4j.space}, {@code nas4j.bench} and protobuf-java only. Entry point:
 * {@link nas4j.bench.io.Datasets#load(java.nio.file.Path)}.
 */
package nas4j.bench.io;
