package dev.rampart.engine.internal.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The type of a pack parameter. */
public enum ParamType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  DURATION,
  DATE,
  LIST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ParamType> fromWireName(String name) {
    for (ParamType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static List<String> wireNames() {
    List<String> names = new ArrayList<>();
    for (ParamType type : values()) {
      names.add(type.wireName());
    }
    return names;
  }
}
