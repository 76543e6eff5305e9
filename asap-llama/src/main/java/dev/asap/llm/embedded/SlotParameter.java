package dev.asap.llm.embedded;

import de.kherud.llama.InferenceParameters;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sends a request to one KV-cache slot. llama.cpp's completion request reads the slot from its {@code id_slot}
 * field, but de.kherud:llama 4.2.0 has no setter for it, so it is written into the request's JSON parameters
 * directly. Without it llama.cpp picks a slot by prompt similarity, which the engine's cache mirror could only
 * guess.
 */
final class SlotParameter {
  private static final Field PARAMETERS = parametersField();

  private SlotParameter() {}

  @SuppressWarnings("unchecked")
  static void set(InferenceParameters parameters, int slot) {
    try {
      ((Map<String, String>) PARAMETERS.get(parameters)).put("id_slot", Integer.toString(slot));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set llama.cpp's id_slot on de.kherud:llama's request", e);
    }
  }

  private static Field parametersField() {
    try {
      Field field = InferenceParameters.class.getSuperclass().getDeclaredField("parameters");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("de.kherud:llama's request no longer keeps its JSON parameters in a field"
          + " named parameters; the embedded engine needs version 4.2.0", e);
    }
  }
}
