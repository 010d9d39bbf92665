package dev.rampart.micrometer;

import java.util.Locale;

/** The one spelling of Rampart's enums as tag values: lower case, e.g. {@code not_applicable}. */
final class TagValues {

  private TagValues() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
