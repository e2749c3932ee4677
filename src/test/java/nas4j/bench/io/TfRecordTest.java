package nas4j.bench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfRecordTest {
  @TempDir
  Path tmp;

  @Test
  void crc32cCheckValueAndMask() {
    byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(Crc32c.crc(b, 0, b.length)).isEqualTo(0xE3069283);
    int crc = 0xE3069283;
    assertThat(Crc32c.mask(crc)).isEqualTo((int) ((((crc >>> 15) | (crc << 17)) & 0xFFFFFFFFL) + 0xA282EAD8L));
  }

  @Test
  void genuineRecordFramingIsByteExact() throws Exception {
    Path f = SharedData.require("third-party/genuine-record-00005c14-4epochs.tfrecord");
    byte[] all = Files.readAllBytes(f);
    assertThat(all).hasSize(417);
    assertThat(TfRecordReader.readLongLE(all, 0)).isEqualTo(401);
    assertThat(TfRecordReader.readIntLE(all, 8)).isEqualTo(0x9BED2598).isEqualTo(Crc32c.masked(all, 0, 8));
    assertThat(TfRecordReader.readIntLE(all, 413)).isEqualTo(0x03691668).isEqualTo(Crc32c.masked(all, 12, 401));
    try (TfRecordReader r = TfRecordReader.open(f)) {
      assertThat(r.next()).isTrue();
      assertThat(r.offset()).isZero();
      assertThat(r.recordNumber()).isZero();
      byte[] payload = r.payload();
      assertThat(payload).hasSize(401);
      // writing the payload again gives the identical framed record
      assertThat(TfRecordWriter.frame(payload)).isEqualTo(all);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void writerAndReaderRoundTripRandomPayloads() throws Exception {
    SplittableRandom rng = new SplittableRandom(7);
    List<byte[]> payloads = new ArrayList<>();
    Path f = tmp.resolve("x.tfrecord");
    try (TfRecordWriter w = TfRecordWriter.open(f)) {
      for (int i = 0; i < 500; i++) {
        byte[] p = new byte[rng.nextInt(i % 50 == 0 ? 300_000 : 600)];
        rng.nextBytes(p);
        payloads.add(p);
        w.write(p);
      }
    }
    try (TfRecordReader r = TfRecordReader.open(f)) {
      long offset = 0;
      for (int i = 0; i < payloads.size(); i++) {
        assertThat(r.next()).isTrue();
        assertThat(r.recordNumber()).isEqualTo(i);
        assertThat(r.offset()).isEqualTo(offset);
        assertThat(r.payload()).isEqualTo(payloads.get(i));
        offset += payloads.get(i).length + 16;
      }
      assertThat(r.next()).isFalse();
    }
    // block API: small blocks still hold whole records (larger ones grow)
    try (TfRecordReader r = TfRecordReader.open(f)) {
      int n = 0;
      TfRecordReader.Block b;
      while ((b = r.nextBlock(1000)) != null) {
        for (int i = 0; i < b.count(); i++) {
          b.checkPayloadCrc(i);
          assertThat(b.payload(i)).isEqualTo(payloads.get(n++));
        }
      }
      assertThat(n).isEqualTo(500);
    }
  }

  @Test
  void emptyFileHasNoRecords() throws Exception {
    Path f = Files.write(tmp.resolve("empty.tfrecord"), new byte[0]);
    try (TfRecordReader r = TfRecordReader.open(f)) {
      assertThat(r.next()).isFalse();
    }
  }

  private Path threeRecords() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      out.write(TfRecordWriter.frame(("payload number " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return Files.write(tmp.resolve("three.tfrecord"), out.toByteArray());
  }

  private static void readAll(Path f, boolean crc) throws Exception {
    try (TfRecordReader r = TfRecordReader.open(f, crc)) {
      while (r.next()) {
        r.payload();
      }
    }
  }

  @Test
  void flippedPayloadByteNamesOffsetAndRecord() throws Exception {
    Path f = threeRecords();
    byte[] b = Files.readAllBytes(f);
    int second = 16 + 16; // first record: 16-byte payload
    b[second + 12 + 3] ^= 0x01;
    Files.write(f, b);
    assertThatThrownBy(() -> readAll(f, true)).isInstanceOf(DataFileException.class)
        .hasMessageContaining("three.tfrecord").hasMessageContaining("record 1 at byte offset " + second)
        .hasMessageContaining("CRC32C of the 16-byte payload");
    // with checks off the damaged payload is returned as is
    readAll(f, false);
  }

  @Test
  void flippedLengthByteIsCaught() throws Exception {
    Path f = threeRecords();
    byte[] b = Files.readAllBytes(f);
    b[2 * 32] ^= 0x04;
    Files.write(f, b);
    assertThatThrownBy(() -> readAll(f, true)).isInstanceOf(DataFileException.class)
        .hasMessageContaining("record 2 at byte offset 64").hasMessageContaining("length field");
    assertThatThrownBy(() -> readAll(f, false)).isInstanceOf(DataFileException.class)
        .hasMessageContaining("record 2 at byte offset 64").hasMessageContaining("truncated");
  }

  @Test
  void truncatedFileNamesOffsetAndRecord() throws Exception {
    Path f = threeRecords();
    byte[] b = Files.readAllBytes(f);
    for (int cut : new int[] {b.length - 1, b.length - 20, 64 + 5}) {
      Path g = Files.write(tmp.resolve("cut" + cut + ".tfrecord"), java.util.Arrays.copyOf(b, cut));
      assertThatThrownBy(() -> readAll(g, true)).isInstanceOf(DataFileException.class)
          .hasMessageContaining("cut" + cut + ".tfrecord").hasMessageContaining("record 2 at byte offset 64")
          .hasMessageContaining("truncated");
    }
  }
}
