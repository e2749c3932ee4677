package nas4j.bench.surrogate;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import nas4j.space.SpaceIndex;

/**
 * The committed surrogate: for every dense cell id, the mean final validation accuracy at 4, 12, 36 and 108 epochs
 * and the mean final test accuracy at 108 epochs (16-bit fixed point on [0, 1]) and the predicted mean training
 * time at 108 epochs (16-bit on a log scale from {@value #LOG_TIME_MIN_SECONDS} to {@value #LOG_TIME_MAX_SECONDS}
 * s), plus the {@link NoiseModel}, the {@link LevelNoise} and fit metadata as {@code key=value} text. Stored deflated; the same content always gives the same bytes.
 * Immutable (arrays are not exposed for writing).
 *
 * <p>Layout: {@code "NAS4JSUR"}, int format version, then a deflated stream of: int text length + UTF-8
 * {@code key=value} lines (sorted as written), int cell count, long fingerprint of the space's hashes in id
 * order, then 6 columns of {@code cells} unsigned 16-bit codes, each column stored as all high bytes then all low
 * bytes (deflates better).
 */
public final class SurrogateResource {
  /** Path of the committed resource on the class path. */
  public static final String RESOURCE = "/nas4j/surrogate/nb101-surrogate-v2.bin";
  static final int FORMAT_VERSION = 2;
  static final double LOG_TIME_MIN_SECONDS = 100;
  static final double LOG_TIME_MAX_SECONDS = 100_000;
  private static final byte[] MAGIC = "NAS4JSUR".getBytes(StandardCharsets.US_ASCII);
  private static final double LOG_MIN = StrictMath.log(LOG_TIME_MIN_SECONDS);
  private static final double LOG_RANGE = StrictMath.log(LOG_TIME_MAX_SECONDS) - LOG_MIN;

  private final Map<String, String> properties;
  private final char[][] validationCodes; // [budget][id]
  private final char[] testCodes;
  private final char[] timeCodes;
  private final NoiseModel noise;
  private final LevelNoise level;

  SurrogateResource(Map<String, String> properties, char[][] validationCodes, char[] testCodes, char[] timeCodes,
      NoiseModel noise, LevelNoise level) {
    this.properties = new LinkedHashMap<>(properties);
    this.validationCodes = validationCodes;
    this.testCodes = testCodes;
    this.timeCodes = timeCodes;
    this.noise = noise;
    this.level = level;
  }

  /**
   * Quantizes the means: {@code validation[b][id]} and {@code test108[id]} (clamped to [0,1]) and
   * {@code time108[id]} in seconds.
   */
  static SurrogateResource of(Map<String, String> properties, double[][] validation, double[] test108,
      double[] time108, NoiseModel noise, LevelNoise level) {
    int n = time108.length;
    char[][] vc = new char[4][n];
    char[] ec = new char[n];
    char[] tc = new char[n];
    for (int i = 0; i < n; i++) {
      for (int b = 0; b < 4; b++) {
        vc[b][i] = unit(validation[b][i]);
      }
      ec[i] = unit(test108[i]);
      double x = (StrictMath.log(time108[i]) - LOG_MIN) / LOG_RANGE;
      tc[i] = (char) Math.round(Math.min(1, Math.max(0, x)) * 65535);
    }
    Map<String, String> p = new LinkedHashMap<>(properties);
    p.putAll(noise.toProperties());
    p.putAll(level.toProperties());
    return new SurrogateResource(p, vc, ec, tc, noise, level);
  }

  private static char unit(double x) {
    return (char) Math.round(Math.min(1, Math.max(0, x)) * 65535);
  }

  /** Number of cells. */
  public int cells() {
    return timeCodes.length;
  }

  /** The mean final validation accuracy at budget index {@code b} (0..3 for 4, 12, 36, 108 epochs). */
  public double meanValidation(int b, int id) {
    return validationCodes[b][id] / 65535.0;
  }

  /** The mean final test accuracy at 108 epochs. */
  public double meanTest108(int id) {
    return testCodes[id] / 65535.0;
  }

  /** The predicted mean final training time at 108 epochs, seconds. */
  public double meanTime108(int id) {
    return StrictMath.exp(LOG_MIN + timeCodes[id] / 65535.0 * LOG_RANGE);
  }

  /** The noise model. */
  public NoiseModel noise() {
    return noise;
  }

  /** The level-dependent noise at 108 epochs. */
  public LevelNoise level() {
    return level;
  }

  /** Fit metadata and noise parameters, in file order. */
  public Map<String, String> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }

  /** A fingerprint of the space's hashes in id order (so a resource is never read against another ordering). */
  static long fingerprint(SpaceIndex space) {
    long h = 0x9E3779B97F4A7C15L;
    for (int id = 0; id < space.size(); id++) {
      var m = space.hash(id);
      h = (h ^ m.high()) * 0x100000001B3L;
      h = (h ^ m.low()) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return h;
  }

  /** Writes the resource (deterministic bytes for the same content). */
  void write(OutputStream out, long fingerprint) throws IOException {
    out.write(MAGIC);
    DataOutputStream head = new DataOutputStream(out);
    head.writeInt(FORMAT_VERSION);
    head.flush();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16);
    DataOutputStream d = new DataOutputStream(z);
    StringBuilder sb = new StringBuilder();
    properties.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
    d.writeInt(text.length);
    d.write(text);
    d.writeInt(cells());
    d.writeLong(fingerprint);
    for (int b = 0; b < 4; b++) {
      writeColumn(d, validationCodes[b]);
    }
    writeColumn(d, testCodes);
    writeColumn(d, timeCodes);
    d.flush();
    z.finish();
    deflater.end();
    out.flush();
  }

  private static void writeColumn(DataOutputStream d, char[] c) throws IOException {
    byte[] split = new byte[2 * c.length];
    for (int i = 0; i < c.length; i++) {
      split[i] = (byte) (c[i] >>> 8);
      split[c.length + i] = (byte) c[i];
    }
    d.write(split);
  }

  /** The resource bytes. */
  byte[] toBytes(long fingerprint) {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try {
      write(bo, fingerprint);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bo.toByteArray();
  }

  /** Reads a resource written for {@code space}; errors name {@code source}, the byte offset or key, and the rule. */
  static SurrogateResource read(InputStream in, String source, SpaceIndex space) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(source + ": byte 0: not a nas4j surrogate resource (magic NAS4JSUR expected)");
    }
    DataInputStream head = new DataInputStream(in);
    int version = head.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException(source + ": byte 8: format version " + version + ", this nas4j reads " + FORMAT_VERSION);
    }
    try (DataInputStream d = new DataInputStream(new InflaterInputStream(in, new java.util.zip.Inflater(), 1 << 16))) {
      int len = d.readInt();
      if (len < 0 || len > 1 << 20) {
        throw new IOException(source + ": metadata length " + len + " out of range");
      }
      byte[] text = new byte[len];
      d.readFully(text);
      Map<String, String> p = new LinkedHashMap<>();
      for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          p.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      int n = d.readInt();
      if (n != space.size()) {
        throw new IOException(source + ": holds " + n + " cells, the space has " + space.size());
      }
      long fp = d.readLong();
      if (fp != fingerprint(space)) {
        throw new IOException(source + ": written for a different cell ordering (space fingerprint mismatch)");
      }
      char[][] vc = new char[4][];
      for (int b = 0; b < 4; b++) {
        vc[b] = readColumn(d, n);
      }
      char[] ec = readColumn(d, n);
      char[] tc = readColumn(d, n);
      return new SurrogateResource(p, vc, ec, tc, NoiseModel.fromProperties(p, source),
          LevelNoise.fromProperties(p, source));
    } catch (EOFException e) {
      throw new IOException(source + ": truncated (unexpected end of data)", e);
    }
  }

  private static char[] readColumn(DataInputStream d, int n) throws IOException {
    byte[] split = new byte[2 * n];
    d.readFully(split);
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ((split[i] & 0xFF) << 8 | (split[n + i] & 0xFF));
    }
    return c;
  }
}
