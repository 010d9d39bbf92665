package dev.rampart.engine.internal.eval;

import dev.rampart.spi.value.Vocabulary;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Values of vocabulary fields as rules compare them. Facts hold canonical values already (their
 * constructors bring every spelling there, once, at the boundary), so here a value is only told
 * apart: a canonical one is compared, and one the vocabulary does not know is read as
 * {@link Unrecognised}, so that a comparison with it is UNKNOWN rather than a guess.
 */
final class CanonicalValues {

  private static final Map<Vocabulary, Set<String>> KNOWN = new EnumMap<>(Vocabulary.class);

  static {
    for (Vocabulary vocabulary : Vocabulary.values()) {
      KNOWN.put(vocabulary, Set.copyOf(vocabulary.canonicalValues()));
    }
  }

  private CanonicalValues() {}

  /** A scalar value as compared: itself when the vocabulary knows it, else {@link Unrecognised}. */
  static Object scalar(Vocabulary vocabulary, Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    return KNOWN.get(vocabulary).contains(text) ? text : new Unrecognised(text, vocabulary);
  }

  static boolean isUnrecognised(Vocabulary vocabulary, Object value) {
    if (value instanceof Unrecognised) {
      return true;
    }
    return value instanceof String text && !KNOWN.get(vocabulary).contains(text);
  }

  record Unrecognised(String value, Vocabulary vocabulary) {

    /** What evidence says about it: the value, and the values that would have been understood. */
    String explain() {
      return "'" + value + "' (not a recognised " + vocabulary.noun() + "; recognised: "
          + String.join(", ", vocabulary.canonicalValues()) + ")";
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
