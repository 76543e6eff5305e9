package dev.asap.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.asap.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps of JSON values (configs, attributes) as text columns. Types survive the round trip: integers come back
 * as {@link Long}, floats as {@link Double} (Jackson writes {@code 1.0} as {@code 1.0}, not {@code 1}), and
 * NaN and infinities are written bare rather than as strings, so they come back as doubles too.
 */
final class JsonColumns {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private JsonColumns() {}

  /** {@code what} names the map in error messages, e.g. "config of trial 3". */
  static String write(Map<String, Object> map, String what) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new StoreException("could not store the " + what + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Object> read(String json, String what) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new StoreException("the stored " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
