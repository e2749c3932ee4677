package nas4j.bench.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import nas4j.space.CellException;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * Decodes one record into the loader's primitive outputs and checks it: known epoch budget, a module hash of the
 * space, adjacency/ops that hash to it (fast path: the stored cell is the canonical representative; otherwise a
 * full parse and look-up), a decodable ModelMetrics with at least 3 evaluations. One per thread.
 */
final class RecordDecoder {
  /** Epoch budgets of NAS-Bench-101, in slot order. */
  static final int[] EPOCHS = {4, 12, 36, 108};
  private static final Op[] OPS = Op.values();
  private static final byte[][] OP_NAMES = new byte[OPS.length][];

  static {
    for (Op op : OPS) {
      OP_NAMES[op.ordinal()] = op.officialName().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final SpaceIndex space;
  private final Path file;
  private static final int EVALUATION_TAG = (1 << 3) | 2;
  private static final int PARAMETERS_TAG = (2 << 3);
  private final RowCodec.Spans spans = new RowCodec.Spans();
  private byte[] scratch = new byte[1024];

  // outputs of the last decode
  int id;
  int slot;
  int parameters;
  /** The stored cell when it is not written exactly as the canonical representative, else null. */
  CellSpec stored;
  final float[] values = new float[8];

  RecordDecoder(SpaceIndex space, Path file) {
    this.space = space;
    this.file = file;
  }

  static int slotOf(int epochs) {
    for (int i = 0; i < EPOCHS.length; i++) {
      if (EPOCHS[i] == epochs) {
        return i;
      }
    }
    return -1;
  }

  /** Decodes record {@code i} of a block (payload CRC checked first). */
  void decode(TfRecordReader.Block block, int i) {
    try {
      block.checkPayloadCrc(i);
      decode(block.data(), block.payloadOffset(i), block.payloadLength(i));
    } catch (RowFormatException | CellException e) {
      throw new DataFileException(file, block.offset(i), block.recordNumber(i), e.getMessage(), e);
    }
  }

  void decode(byte[] b, int off, int len) {
    RowCodec.Spans s = spans;
    RowCodec.parse(b, off, len, s);
    int epochs = (int) s.epochs;
    slot = slotOf(epochs);
    if (slot < 0) {
      throw new RowFormatException("unknown epoch budget " + s.epochs + "; NAS-Bench-101 has 4, 12, 36 and 108");
    }
    // hash
    long hi;
    long lo;
    if (!s.escaped[0] && s.end[0] - s.start[0] == 32 && isHex(b, s.start[0], 32)) {
      hi = hex16(b, s.start[0]);
      lo = hex16(b, s.start[0] + 16);
    } else {
      String h = RowCodec.string(b, s, 0);
      if (!ModuleHash.looksLikeHash(h)) {
        throw new RowFormatException("element 0 '" + h + "' is not a module hash (32 hex characters)");
      }
      ModuleHash mh = ModuleHash.parse(h);
      hi = mh.high();
      lo = mh.low();
    }
    int cell = space.idOf(hi, lo);
    stored = null;
    if (cell < 0 || s.escaped[2] || s.escaped[3] || !isCanonical(b, s, cell)) {
      cell = checkSlow(b, s, cell, new ModuleHash(hi, lo));
    }
    id = cell;
    // metrics
    int span = s.end[4] - s.start[4];
    if (scratch.length < span) {
      scratch = new byte[span + 64];
    }
    int n = RowCodec.base64(b, s.start[4], s.end[4], scratch);
    parseMetrics(scratch, n);
  }

  /**
   * Reads ModelMetrics with protobuf-java's {@link CodedInputStream} straight into the outputs (no message
   * objects): evaluation_data (field 1) [1] and [2], trainable_parameters (field 2); every other field, or a
   * known field number with an unexpected wire type, is skipped as unknown.
   */
  private void parseMetrics(byte[] buf, int len) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(buf, 0, len);
      int evaluations = 0;
      parameters = 0;
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        if (tag == EVALUATION_TAG) {
          int limit = in.pushLimit(in.readRawVarint32());
          if (evaluations == 1 || evaluations == 2) {
            readEvaluation(in, evaluations == 1 ? 0 : 4);
          } else {
            in.skipMessage();
          }
          in.popLimit(limit);
          evaluations++;
        } else if (tag == PARAMETERS_TAG) {
          parameters = in.readInt32();
        } else if (!in.skipField(tag)) {
          throw new RowFormatException("malformed ModelMetrics protobuf: unexpected end-group tag " + tag);
        }
      }
      if (evaluations < 3) {
        throw new RowFormatException("ModelMetrics has " + evaluations
            + " evaluations; expected 3 (epoch 0, halfway, final)");
      }
    } catch (InvalidProtocolBufferException e) {
      throw new RowFormatException("the ModelMetrics protobuf (element 4, " + len
          + " bytes after base64) cannot be decoded: " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new RowFormatException("the ModelMetrics protobuf cannot be decoded: " + e.getMessage(), e);
    }
  }

  private void readEvaluation(CodedInputStream in, int base) throws java.io.IOException {
    float time = 0;
    float train = 0;
    float valid = 0;
    float test = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      switch (tag) {
        case (2 << 3) | 1:
          time = (float) in.readDouble();
          break;
        case (3 << 3) | 1:
          train = (float) in.readDouble();
          break;
        case (4 << 3) | 1:
          valid = (float) in.readDouble();
          break;
        case (5 << 3) | 1:
          test = (float) in.readDouble();
          break;
        default:
          if (!in.skipField(tag)) {
            throw new RowFormatException("malformed EvaluationData protobuf: unexpected end-group tag " + tag);
          }
      }
    }
    values[base] = time;
    values[base + 1] = train;
    values[base + 2] = valid;
    values[base + 3] = test;
  }

  /** True if the stored adjacency and ops are exactly the canonical representative of {@code id}. */
  private boolean isCanonical(byte[] b, RowCodec.Spans s, int cell) {
    int a0 = s.start[2];
    int alen = s.end[2] - a0;
    int n = space.vertexCount(cell);
    if (alen != n * n) {
      return false;
    }
    long bits = 0;
    for (int k = 0; k < alen; k++) {
      byte c = b[a0 + k];
      if (c == '1') {
        int i = k / n;
        int j = k % n;
        if (j <= i) {
          return false;
        }
        bits |= 1L << (i * CellSpec.MAX_VERTICES + j);
      } else if (c != '0') {
        return false;
      }
    }
    if (bits != space.adjacencyBits(cell)) {
      return false;
    }
    int p = s.start[3];
    int end = s.end[3];
    for (int v = 0; v < n; v++) {
      byte[] name = OP_NAMES[space.op(cell, v).ordinal()];
      if (p + name.length > end) {
        return false;
      }
      for (int k = 0; k < name.length; k++) {
        if (b[p + k] != name[k]) {
          return false;
        }
      }
      p += name.length;
      if (v < n - 1) {
        if (p >= end || b[p] != ',') {
          return false;
        }
        p++;
      }
    }
    return p == end;
  }

  private int checkSlow(byte[] b, RowCodec.Spans s, int byHash, ModuleHash stored) {
    String adj = RowCodec.string(b, s, 2);
    String ops = RowCodec.string(b, s, 3);
    CellSpec spec;
    try {
      spec = CellSpec.parse(adj, ops);
    } catch (CellException e) {
      throw new RowFormatException("malformed cell (adjacency '" + adj + "', ops '" + ops + "'): " + e.getMessage());
    }
    int bySpec;
    try {
      bySpec = space.idOf(spec);
    } catch (CellException e) {
      throw new RowFormatException("cell outside the NAS-Bench-101 space (adjacency '" + adj + "', ops '" + ops
          + "'): " + e.getMessage());
    }
    if (bySpec != byHash) {
      throw new RowFormatException("wrong module hash: the row says " + stored + " but its adjacency/ops hash to "
          + space.hash(bySpec) + (byHash < 0 ? " (" + stored + " is not the hash of any NAS-Bench-101 cell)" : ""));
    }
    this.stored = spec;
    return bySpec;
  }

  private static boolean isHex(byte[] b, int p, int n) {
    for (int i = p; i < p + n; i++) {
      byte c = b[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static long hex16(byte[] b, int p) {
    long v = 0;
    for (int i = p; i < p + 16; i++) {
      v = v << 4 | Character.digit(b[i], 16);
    }
    return v;
  }
}
