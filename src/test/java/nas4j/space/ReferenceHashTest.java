package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CellHasher} against a plain string-based transcription of {@code graph_util.hash_module} (docs/format.md, "Module hash"). */
class ReferenceHashTest {

  /** The published hashing steps written as directly as possible with Strings, sorted lists and MessageDigest. */
  static String referenceFingerprint(CellSpec spec) throws Exception {
    CellSpec p = ValidityRule.API.validate(spec);
    int n = p.vertexCount();
    MessageDigest md = MessageDigest.getInstance("MD5");
    HexFormat hex = HexFormat.of();
    List<String> h = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      int out = 0;
      int in = 0;
      for (int w = 0; w < n; w++) {
        out += p.hasEdge(v, w) ? 1 : 0;
        in += p.hasEdge(w, v) ? 1 : 0;
      }
      int label = v == 0 ? -1 : v == n - 1 ? -2 : p.op(v).label();
      h.add(hex.formatHex(md.digest(("(" + out + ", " + in + ", " + label + ")").getBytes(StandardCharsets.UTF_8))));
    }
    for (int round = 0; round < n; round++) {
      List<String> next = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        List<String> ins = new ArrayList<>();
        List<String> outs = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          if (p.hasEdge(w, v)) {
            ins.add(h.get(w));
          }
          if (p.hasEdge(v, w)) {
            outs.add(h.get(w));
          }
        }
        ins.sort(null);
        outs.sort(null);
        String text = String.join("", ins) + "|" + String.join("", outs) + "|" + h.get(v);
        next.add(hex.formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8))));
      }
      h = next;
    }
    List<String> sorted = new ArrayList<>(h);
    sorted.sort(null);
    List<String> quoted = new ArrayList<>();
    for (String s : sorted) {
      quoted.add("'" + s + "'");
    }
    return hex.formatHex(md.digest(("[" + String.join(", ", quoted) + "]").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void cellHasherAgreesWithTheReferenceOnRandomValidSpecs() throws Exception {
    SplittableRandom rnd = new SplittableRandom(8);
    CellHasher hasher = new CellHasher();
    int checked = 0;
    while (checked < 2000) {
      CellSpec c = MatrixSampler.draw(rnd);
      if (!ValidityRule.API.isValid(c)) {
        continue;
      }
      assertThat(hasher.hash(c).toString()).as("%s", c).isEqualTo(referenceFingerprint(c));
      checked++;
    }
  }
}
