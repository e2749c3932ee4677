package nas4j.bench.io;

import java.util.Locale;

/**
 * Which file a benchmark was loaded from, for experiment metadata: file name, size, SHA-256 (lowercase hex, or
 * null if never computed) and how it compares with the published official files. Immutable.
 */
public record DatasetIdentity(String fileName, long sizeBytes, String sha256, Official official) {

  /** How a file relates to the two published files. */
  public enum Official {
    /** The SHA-256 equals a published value. */
    VERIFIED,
    /** Named like an official file but its SHA-256 differs from the published value: a data problem. */
    MISMATCH,
    /** Not an official file (e.g. a sample, a third-party or a generated file). */
    NOT_OFFICIAL,
    /** The SHA-256 was not computed. */
    UNKNOWN
  }

  /** {@code nasbench_full.tfrecord}. */
  public static final String FULL_NAME = "nasbench_full.tfrecord";
  /** Published SHA-256 of {@code nasbench_full.tfrecord}. */
  public static final String FULL_SHA256 = "3d64db8180fb1b0207212f9032205064312b6907a3bbc81eabea10db2f5c7e9c";
  /** {@code nasbench_only108.tfrecord}. */
  public static final String ONLY108_NAME = "nasbench_only108.tfrecord";
  /** Published SHA-256 of {@code nasbench_only108.tfrecord}. */
  public static final String ONLY108_SHA256 = "4c39c3936e36a85269881d659e44e61a245babcb72cb374eacacf75d0e5f4fd1";
  /** Where the official files are published ({@code <base><file name>}). */
  public static final String DOWNLOAD_BASE = "https://storage.googleapis.com/nasbench/";

  /** Classifies a file by name and SHA-256. */
  public static DatasetIdentity of(String fileName, long size, String sha256) {
    Official o;
    if (sha256 == null) {
      o = Official.UNKNOWN;
    } else if (sha256.equals(FULL_SHA256) || sha256.equals(ONLY108_SHA256)) {
      o = Official.VERIFIED;
    } else if (publishedShaFor(fileName) != null) {
      o = Official.MISMATCH;
    } else {
      o = Official.NOT_OFFICIAL;
    }
    return new DatasetIdentity(fileName, size, sha256, o);
  }

  /** The published SHA-256 for an official file name, or null. */
  public static String publishedShaFor(String fileName) {
    if (FULL_NAME.equals(fileName)) {
      return FULL_SHA256;
    }
    if (ONLY108_NAME.equals(fileName)) {
      return ONLY108_SHA256;
    }
    return null;
  }

  /** The short identity of benchmarks: {@code nasbench_only108.tfrecord sha256:4c39c393…}. */
  public String identity() {
    return sha256 == null ? fileName : fileName + " sha256:" + sha256.substring(0, 8) + "…";
  }

  /** A warning for a file named like an official one whose SHA-256 differs, else null. */
  public String warning() {
    if (official != Official.MISMATCH) {
      return null;
    }
    return String.format(Locale.ROOT, "%s has SHA-256 %s but the published file has %s: it is not the official "
        + "data (corrupt or modified download?); results will not be comparable", fileName, sha256,
        publishedShaFor(fileName));
  }
}
