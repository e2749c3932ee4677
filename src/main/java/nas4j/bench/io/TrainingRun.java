package nas4j.bench.io;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import nas4j.bench.RunMetrics;
import nas4j.bench.io.proto.ModelMetricsProto.EvaluationData;
import nas4j.bench.io.proto.ModelMetricsProto.ModelMetrics;

/**
 * One record of an official file, fully decoded: the JSON row (hash, epoch budget, adjacency and ops strings as
 * stored) and the ModelMetrics protobuf (evaluations, trainable parameters, total time). No check against the
 * space is made here (the loader does that). Immutable.
 */
public record TrainingRun(String moduleHash, int epochs, String adjacency, String operations,
    int trainableParameters, double totalTime, List<Evaluation> evaluations) {

  /** One {@code EvaluationData} entry: [0] at epoch 0, [1] halfway, [2] at the end of training. Immutable. */
  public record Evaluation(double epoch, double trainingTime, double trainAccuracy, double validationAccuracy,
      double testAccuracy) {}

  public TrainingRun {
    evaluations = List.copyOf(evaluations);
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException naming the problem (bad JSON, bad base64, bad protobuf, bad epochs)
   */
  public static TrainingRun decode(byte[] payload) {
    return decode(payload, 0, payload.length);
  }

  /** Decodes a payload range. */
  public static TrainingRun decode(byte[] b, int off, int len) {
    RowCodec.Spans s = new RowCodec.Spans();
    RowCodec.parse(b, off, len, s);
    ModelMetrics m = parseMetrics(RowCodec.base64(b, s.start[4], s.end[4]));
    List<Evaluation> ev = new ArrayList<>();
    for (EvaluationData e : m.getEvaluationDataList()) {
      ev.add(new Evaluation(e.getCurrentEpoch(), e.getTrainingTime(), e.getTrainAccuracy(),
          e.getValidationAccuracy(), e.getTestAccuracy()));
    }
    return new TrainingRun(RowCodec.string(b, s, 0), (int) s.epochs, RowCodec.string(b, s, 2),
        RowCodec.string(b, s, 3), m.getTrainableParameters(), m.getTotalTime(), ev);
  }

  static ModelMetrics parseMetrics(byte[] bytes) {
    try {
      return ModelMetrics.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new RowFormatException("the ModelMetrics protobuf (element 4, " + bytes.length
          + " bytes after base64) cannot be decoded: " + e.getMessage(), e);
    }
  }

  /**
   * A run in the layout of the official files from the eight API values: evaluation [0] at epoch 0 (time 0,
   * accuracies set to the chance level 0.1 as placeholders: the API never reads them), [1] at epochs/2,
   * [2] at epochs; total time = final training time.
   */
  public static TrainingRun of(String hash, int epochs, String adjacency, String operations, int parameters,
      RunMetrics r) {
    List<Evaluation> ev = List.of(
        new Evaluation(0.0, 0.0, 0.1, 0.1, 0.1),
        new Evaluation(epochs / 2.0, r.halfwayTrainingTime(), r.halfwayTrainAccuracy(),
            r.halfwayValidationAccuracy(), r.halfwayTestAccuracy()),
        new Evaluation(epochs, r.finalTrainingTime(), r.finalTrainAccuracy(), r.finalValidationAccuracy(),
            r.finalTestAccuracy()));
    return new TrainingRun(hash, epochs, adjacency, operations, parameters, r.finalTrainingTime(), ev);
  }

  /** The serialized ModelMetrics protobuf. */
  public byte[] metricsBytes() {
    ModelMetrics.Builder mb = ModelMetrics.newBuilder();
    for (Evaluation e : evaluations) {
      mb.addEvaluationData(EvaluationData.newBuilder().setCurrentEpoch(e.epoch()).setTrainingTime(e.trainingTime())
          .setTrainAccuracy(e.trainAccuracy()).setValidationAccuracy(e.validationAccuracy())
          .setTestAccuracy(e.testAccuracy()));
    }
    return mb.setTrainableParameters(trainableParameters).setTotalTime(totalTime).build().toByteArray();
  }

  /** The payload exactly as the official files hold it. */
  public byte[] encode() {
    return RowCodec.format(moduleHash, epochs, adjacency, operations, metricsBytes());
  }
}
