package dev.rampart.engine.internal.ast;

/** How a condition over list elements combines them. */
public enum Quantifier {
  /** At least one element satisfies the condition. */
  ANY_OF("anyOf"),
  /** Every element satisfies the condition (true for an empty list). */
  ALL_OF("allOf"),
  /** No element satisfies the condition (true for an empty list). */
  NONE_OF("noneOf");

  private final String wireName;

  Quantifier(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
