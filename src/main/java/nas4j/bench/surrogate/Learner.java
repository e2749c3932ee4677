package nas4j.bench.surrogate;

import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The gradient-boosted-tree learner (XGBoost4J, histogram method, loss-guided leaves), single-threaded with a
 * fixed seed so the same inputs give the same model. The only class touching XGBoost4J. Immutable settings.
 *
 * @param rounds boosting rounds
 * @param eta learning rate
 * @param maxLeaves leaves per tree
 * @param objective XGBoost objective, e.g. {@code reg:pseudohubererror}, {@code reg:squarederror}
 * @param huberSlope slope of the pseudo-Huber loss (ignored by other objectives)
 * @param subsample row subsampling per tree
 * @param colsample column subsampling per tree
 */
public record Learner(int rounds, double eta, int maxLeaves, String objective, double huberSlope, double subsample,
    double colsample) {

  /** Fits on {@code rows × CellFeatures.COUNT} features and returns predictions for {@code predictRows}. */
  public float[] fitPredict(float[] features, int rows, float[] labels, float[] predictFeatures, int predictRows) {
    try {
      DMatrix train = new DMatrix(features, rows, CellFeatures.COUNT, Float.NaN);
      train.setLabel(labels);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("booster", "gbtree");
      p.put("tree_method", "hist");
      p.put("grow_policy", "lossguide");
      p.put("max_depth", 0);
      p.put("max_leaves", maxLeaves);
      p.put("eta", eta);
      p.put("objective", objective);
      if (objective.equals("reg:pseudohubererror")) {
        p.put("huber_slope", huberSlope);
      }
      p.put("subsample", subsample);
      p.put("colsample_bytree", colsample);
      p.put("min_child_weight", 1.0);
      p.put("lambda", 1.0);
      p.put("nthread", 1);
      p.put("seed", 20240101);
      p.put("verbosity", 0);
      double mean = 0;
      for (float l : labels) {
        mean += l;
      }
      p.put("base_score", mean / labels.length);
      Booster booster = XGBoost.train(train, p, rounds, new LinkedHashMap<>(), null, null);
      DMatrix all = new DMatrix(predictFeatures, predictRows, CellFeatures.COUNT, Float.NaN);
      float[][] pred = booster.predict(all);
      float[] out = new float[predictRows];
      for (int i = 0; i < predictRows; i++) {
        out[i] = pred[i][0];
      }
      booster.dispose();
      train.dispose();
      all.dispose();
      return out;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
    }
  }
}
