package dev.asap.llm.openai;

/**
 * How an {@link OpenAiCompatibleEngine} constrains answers to a request's JSON schema.
 *
 * <p>{@link #JSON_OBJECT} only asks for some JSON object: the schema is not sent, so the prompt has to
 * describe the expected shape, and the caller has to validate the answer.
 */
public enum ConstraintMode {
  /** {@code response_format: {"type": "json_schema", ...}}: the server enforces the schema. */
  JSON_SCHEMA,
  /** {@code response_format: {"type": "json_object"}}, for servers that reject {@code json_schema}. */
  JSON_OBJECT
}
