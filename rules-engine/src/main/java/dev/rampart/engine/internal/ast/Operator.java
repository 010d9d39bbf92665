package dev.rampart.engine.internal.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The comparison a leaf condition makes; each has the name packs write. */
public enum Operator {
  EQUALS("equals"),
  NOT_EQUALS("notEquals"),
  IN("in"),
  NOT_IN("notIn"),
  EXISTS("exists"),
  GREATER_THAN("greaterThan"),
  AT_LEAST("atLeast"),
  LESS_THAN("lessThan"),
  AT_MOST("atMost"),
  MATCHES("matches"),
  CONTAINS("contains"),
  VERSION_AT_LEAST("versionAtLeast"),
  OLDER_THAN("olderThan"),
  NEWER_THAN("newerThan"),
  WITHIN("within"),
  BEYOND("beyond"),
  IN_CIDR("inCidr"),
  WITHIN_ANY("withinAny"),
  COVERS_ALL("coversAll"),
  REACHES_OTHER_DEVICES("reachesOtherDevices"),
  UNIQUE("unique"),
  UNIQUE_AMONG("uniqueAmong");

  private final String wireName;

  Operator(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Operator> fromWireName(String name) {
    for (Operator operator : values()) {
      if (operator.wireName.equals(name)) {
        return Optional.of(operator);
      }
    }
    return Optional.empty();
  }

  public static List<String> wireNames() {
    List<String> names = new ArrayList<>();
    for (Operator operator : values()) {
      names.add(operator.wireName);
    }
    return names;
  }

  /** Whether the operator orders values (numbers or times). */
  public boolean isOrdering() {
    return this == GREATER_THAN || this == AT_LEAST || this == LESS_THAN || this == AT_MOST;
  }

  /**
   * Whether the operator compares the value with a list operand as a set, so that a field operand is
   * indexed once per fact instead of scanned for each value.
   */
  public boolean isMembership() {
    return this == IN || this == NOT_IN || this == IN_CIDR || this == WITHIN_ANY;
  }

  /** Whether the operator compares the value with the same field of the other facts of the type. */
  public boolean isFleetWide() {
    return this == UNIQUE || this == UNIQUE_AMONG;
  }

  /** Whether the operator measures a time against the evaluation clock. */
  public boolean isClock() {
    return this == OLDER_THAN || this == NEWER_THAN || this == WITHIN || this == BEYOND;
  }
}
