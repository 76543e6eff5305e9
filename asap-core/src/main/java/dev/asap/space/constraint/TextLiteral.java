package dev.asap.space.constraint;

import java.util.Map;

/** A string written in the constraint, in single or double quotes. */
record TextLiteral(String text) implements Expr {
  @Override
  public Object value(Map<String, ?> values) {
    return text;
  }
}
