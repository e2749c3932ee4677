package nas4j.bench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import nas4j.space.SpaceIndex;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;

class RecordDecodeTest {
  private static byte[] genuinePayload() throws Exception {
    byte[] all = Files.readAllBytes(SharedData.require("third-party/genuine-record-00005c14-4epochs.tfrecord"));
    return Arrays.copyOfRange(all, 12, 12 + 401);
  }

  @Test
  void genuineRecordDecodesToThePublishedValues() throws Exception {
    TrainingRun r = TrainingRun.decode(genuinePayload());
    assertThat(r.moduleHash()).isEqualTo("00005c142e6f48ac74fdcf73e3439874");
    assertThat(r.epochs()).isEqualTo(4);
    assertThat(r.adjacency()).isEqualTo("0100110001000000010010000010000001000000010000000");
    assertThat(r.operations())
        .isEqualTo("input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertThat(r.trainableParameters()).isEqualTo(8_555_530);
    assertThat(r.totalTime()).isEqualTo(413.7015450000763);
    assertThat(r.evaluations()).containsExactly(
        new TrainingRun.Evaluation(0.0, 0.0, 0.1002604141831398, 0.09775640815496445, 0.09985977411270142),
        new TrainingRun.Evaluation(2.0, 45.152000427246094, 0.10166265815496445, 0.10526842623949051,
            0.10436698794364929),
        new TrainingRun.Evaluation(4.0, 89.90399932861328, 0.3498597741127014, 0.3489583432674408,
            0.3504607379436493));
    assertThat(r.metricsBytes()).hasSize(155);
  }

  @Test
  void genuineRecordIsReproducedByteForByte() throws Exception {
    byte[] payload = genuinePayload();
    TrainingRun r = TrainingRun.decode(payload);
    // separators ", ", base64 in 76-char lines with escaped newlines: the encoder writes the identical payload
    assertThat(new String(r.encode(), StandardCharsets.UTF_8)).isEqualTo(new String(payload, StandardCharsets.UTF_8));
    assertThat(RowCodec.base64Lines(r.metricsBytes()).split("\n", -1)).extracting(String::length)
        .containsExactly(76, 76, 56, 0);
  }

  @Test
  void rowParserToleratesWhitespaceAndEscapes() throws Exception {
    TrainingRun g = TrainingRun.decode(genuinePayload());
    String b64 = Base64.getEncoder().encodeToString(g.metricsBytes());
    String spaced = " [ \"00005c142e6f48ac74fdcf73e3439874\" ,\n 4 ,\t\"" + g.adjacency() + "\",\"" + g.operations()
        + "\" , \"" + b64.substring(0, 10) + "\\r\\n" + b64.substring(10, 20) + "\\u000a"
        + b64.substring(20) + "\"\n] ";
    TrainingRun r = TrainingRun.decode(spaced.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isEqualTo(g);
  }

  @Test
  void base64DecoderMatchesMimeDecoderAndRejectsJunk() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int n = 0; n < 300; n++) {
      byte[] data = new byte[n];
      rng.nextBytes(data);
      String lines = RowCodec.base64Lines(data).replace("\n", "\\n");
      byte[] raw = lines.getBytes(StandardCharsets.US_ASCII);
      assertThat(RowCodec.base64(raw, 0, raw.length)).isEqualTo(data)
          .isEqualTo(Base64.getMimeDecoder().decode(RowCodec.base64Lines(data)));
    }
    for (String bad : new String[] {"QUJD$", "QUJ", "QQ==QQ==", "Q===", "QUJD\\x"}) {
      byte[] raw = bad.getBytes(StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> RowCodec.base64(raw, 0, raw.length)).isInstanceOf(RowFormatException.class)
          .hasMessageContaining("base64");
    }
  }

  @Test
  void decoderChecksHashEpochsAndOps() throws Exception {
    SpaceIndex space = SpaceIndex.shared();
    RecordDecoder d = new RecordDecoder(space, Path.of("x"));
    byte[] ok = genuinePayload();
    d.decode(ok, 0, ok.length);
    assertThat(space.hash(d.id).toString()).isEqualTo("00005c142e6f48ac74fdcf73e3439874");
    assertThat(d.slot).isZero();
    assertThat((double) d.values[7]).isEqualTo(0.3504607379436493);
    assertThat(d.parameters).isEqualTo(space.parameters(d.id));

    String text = new String(ok, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decode(d, text.replace(", 4, ", ", 5, "))).hasMessageContaining("unknown epoch budget 5");
    assertThatThrownBy(() -> decode(d, text.replace("maxpool3x3", "maxpool5x5")))
        .hasMessageContaining("unknown op 'maxpool5x5'");
    assertThatThrownBy(() -> decode(d, text.replace("00005c142e6f48ac74fdcf73e3439874",
        "00005c142e6f48ac74fdcf73e3439875"))).hasMessageContaining("wrong module hash")
        .hasMessageContaining("00005c142e6f48ac74fdcf73e3439874");
    assertThatThrownBy(() -> decode(d, text.replace("[\"", "{\""))).hasMessageContaining("bad JSON row");
    assertThatThrownBy(() -> decode(d, text.substring(0, text.lastIndexOf(','))+ "]"))
        .hasMessageContaining("4 elements");
    assertThatThrownBy(() -> decode(d, text.replace("Ci0J", "Ci*J"))).hasMessageContaining("bad base64");
    assertThatThrownBy(() -> decode(d, text.replace("Ci0J", "Ci0K"))).hasMessageContaining("ModelMetrics");
  }

  @Test
  void isomorphicNonCanonicalCellIsAccepted() throws Exception {
    SpaceIndex space = SpaceIndex.shared();
    RecordDecoder d = new RecordDecoder(space, Path.of("x"));
    String text = new String(genuinePayload(), StandardCharsets.UTF_8);
    // the Inception cell in its README form, which is not the canonical representative stored in the files
    String inception = text.replace("00005c142e6f48ac74fdcf73e3439874", "28cfc7874f6d200472e1a9dcd8650aa0")
        .replace("0100110001000000010010000010000001000000010000000",
            "0111010000000100000010000100000000100000010000000")
        .replace("input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output",
            "input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output");
    decode(d, inception);
    assertThat(space.hash(d.id).toString()).isEqualTo("28cfc7874f6d200472e1a9dcd8650aa0");
  }

  private static void decode(RecordDecoder d, String payload) {
    byte[] b = payload.getBytes(StandardCharsets.UTF_8);
    d.decode(b, 0, b.length);
  }
}
