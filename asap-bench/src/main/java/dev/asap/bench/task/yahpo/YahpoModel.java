package dev.asap.bench.task.yahpo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's ONNX surrogate, shared by all of its tasks: encodes raw parameter values as the model
 * expects (categoricals through {@code encoding.json}, {@code "#na#"} when inactive; continuous values raw,
 * 0 when inactive) and predicts every output. Thread-safe; the session is created on first use.
 */
public final class YahpoModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MISSING = "#na#";

  private final YahpoScenario scenario;
  private final Path modelFile;
  private final List<Map<String, Integer>> codes;
  private final int[] missingCodes;
  private volatile OrtSession session;

  private YahpoModel(YahpoScenario scenario, Path modelFile, List<Map<String, Integer>> codes) {
    this.scenario = scenario;
    this.modelFile = modelFile;
    this.codes = codes;
    this.missingCodes = new int[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      Integer na = codes.get(i).get(MISSING);
      if (na == null) {
        throw new IllegalArgumentException(scenario.name() + "/encoding.json: '" + scenario.categorical().get(i)
            + "' has no code for \"" + MISSING + "\"");
      }
      missingCodes[i] = na;
    }
  }

  /** Reads {@code encoding.json} from the scenario's folder; the model itself is loaded on first prediction. */
  public static YahpoModel open(Path scenarioDir, YahpoScenario scenario) {
    Path encodingFile = scenarioDir.resolve("encoding.json");
    JsonNode root;
    try {
      root = JSON.readTree(encodingFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + encodingFile + ": " + e.getMessage(), e);
    }
    List<Map<String, Integer>> codes = new ArrayList<>();
    for (String name : scenario.categorical()) {
      JsonNode m = root.path(name);
      if (!m.isObject()) {
        throw new IllegalArgumentException(encodingFile + ": no encoding for categorical input '" + name + "'");
      }
      Map<String, Integer> c = new HashMap<>();
      m.properties().forEach(e -> c.put(e.getKey(), e.getValue().asInt()));
      codes.add(Map.copyOf(c));
    }
    return new YahpoModel(scenario, scenarioDir.resolve("model.onnx"), codes);
  }

  public YahpoScenario scenario() {
    return scenario;
  }

  /**
   * Loads the ONNX session now (it is otherwise loaded on first prediction).
   *
   * @throws IllegalStateException when the model or ONNX Runtime cannot be loaded
   */
  public synchronized void load() {
    if (session != null) {
      return;
    }
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalStateException("missing YAHPO model " + modelFile);
    }
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        // One thread per prediction: benchmark runs are single-threaded by default so that measured
        // optimizer time is not disturbed by inference threads.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = env.createSession(modelFile.toString(), options);
      }
    } catch (OrtException | LinkageError e) {
      throw new IllegalStateException("cannot load " + modelFile + " with ONNX Runtime: " + e, e);
    }
  }

  /** Predicts every output for one input assignment (instance and fidelities included). */
  public float[] predict(Map<String, ?> values) {
    return predict(List.of(values))[0];
  }

  /** Predicts every output for a batch of input assignments. */
  public float[][] predict(List<? extends Map<String, ?>> rows) {
    load();
    int nCat = scenario.categorical().size();
    int nCont = scenario.continuous().size();
    int[] cat = new int[rows.size() * nCat];
    float[] cont = new float[rows.size() * nCont];
    for (int r = 0; r < rows.size(); r++) {
      Map<String, ?> row = rows.get(r);
      for (int i = 0; i < nCat; i++) {
        cat[r * nCat + i] = code(i, row.get(scenario.categorical().get(i)));
      }
      for (int i = 0; i < nCont; i++) {
        Object v = row.get(scenario.continuous().get(i));
        cont[r * nCont + i] = v == null ? 0f : ((Number) v).floatValue();
      }
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor xCat = OnnxTensor.createTensor(env, IntBuffer.wrap(cat), new long[] {rows.size(), nCat});
        OnnxTensor xCont = OnnxTensor.createTensor(env, FloatBuffer.wrap(cont), new long[] {rows.size(), nCont});
        OrtSession.Result result = session.run(Map.of("x_cat", xCat, "x_cont", xCont))) {
      return (float[][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException("the " + scenario.name() + " surrogate failed: " + e.getMessage(), e);
    }
  }

  private int code(int input, Object value) {
    if (value == null) {
      return missingCodes[input];
    }
    Integer c = codes.get(input).get(String.valueOf(value));
    if (c == null) {
      throw new IllegalArgumentException(scenario.name() + ": '" + scenario.categorical().get(input)
          + "' has no code for value '" + value + "'");
    }
    return c;
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("cannot close the " + scenario.name() + " session: " + e.getMessage(), e);
      }
      session = null;
    }
  }
}
