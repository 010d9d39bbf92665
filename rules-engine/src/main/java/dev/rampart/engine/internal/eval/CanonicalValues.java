package dev.rampart.engine.internal.eval;

import dev.rampart.spi.value.Vocabulary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values of vocabulary fields as rules compare them: canonical. Facts normally hold canonical values
 * already (their constructors bring them there); a spelling that reaches the engine anyway is
 * brought to its canonical form here, and one the vocabulary does not know is read as
 * {@link Unrecognised}, so that a comparison with it is UNKNOWN rather than a guess.
 */
final class CanonicalValues {

  /** Remembered spellings per vocabulary; beyond this many, spellings are worked out each time. */
  private static final int MAX_REMEMBERED = 4096;

  private static final Map<Vocabulary, Set<String>> KNOWN = new EnumMap<>(Vocabulary.class);
  private static final Map<Vocabulary, Map<String, String>> SPELLINGS = new EnumMap<>(Vocabulary.class);

  static {
    for (Vocabulary vocabulary : Vocabulary.values()) {
      KNOWN.put(vocabulary, Set.copyOf(vocabulary.canonicalValues()));
      SPELLINGS.put(vocabulary, new ConcurrentHashMap<>());
    }
  }

  private CanonicalValues() {}

  /** A text value as its canonical form, or {@link Unrecognised}; other values unchanged. */
  static Object scalar(Vocabulary vocabulary, Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    String canonical = canonical(vocabulary, text);
    return KNOWN.get(vocabulary).contains(canonical) ? canonical : new Unrecognised(text, vocabulary);
  }

  /** A list with each known spelling in canonical form; unknown spellings stay as they are. */
  static Object list(Vocabulary vocabulary, Object value) {
    if (!(value instanceof List<?> list)) {
      return value;
    }
    Set<String> known = KNOWN.get(vocabulary);
    if (list.stream().allMatch(e -> !(e instanceof String s) || known.contains(s))) {
      return list;
    }
    List<Object> canonical = new ArrayList<>(list.size());
    for (Object element : list) {
      canonical.add(element instanceof String text ? canonical(vocabulary, text) : element);
    }
    return canonical;
  }

  /** Whether a value read from a vocabulary field (or one element of a list of them) is not recognised. */
  static boolean isUnrecognised(Vocabulary vocabulary, Object value) {
    if (value instanceof Unrecognised) {
      return true;
    }
    return value instanceof String text && !KNOWN.get(vocabulary).contains(text);
  }

  private static String canonical(Vocabulary vocabulary, String text) {
    if (KNOWN.get(vocabulary).contains(text)) {
      return text;
    }
    Map<String, String> remembered = SPELLINGS.get(vocabulary);
    String canonical = remembered.get(text);
    if (canonical == null) {
      String worked = vocabulary.canonical(text);
      canonical = worked == null ? text : worked;
      if (remembered.size() < MAX_REMEMBERED) {
        remembered.put(text, canonical);
      }
    }
    return canonical;
  }

  /**
   * A reported value the vocabulary does not know.
   *
   * @param value as reported
   * @param vocabulary the vocabulary it should belong to
   */
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
