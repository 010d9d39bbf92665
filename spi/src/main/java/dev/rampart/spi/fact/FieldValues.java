package dev.rampart.spi.fact;

import dev.rampart.spi.value.Text;
import dev.rampart.spi.value.ValueFormat;
import dev.rampart.spi.value.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the fact records bring their components to canonical form and refuse values
 * that are not of their form. Every step is idempotent: a fact built from a fact's components is
 * equal to it.
 */
final class FieldValues {

  private static final Pattern SHA256_LABEL = Pattern.compile("^(?i)sha-?256(\\s*fingerprint)?\\s*[=:]\\s*");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-Fa-f]{64}");

  private FieldValues() {}

  /** Blank text is absent; other text is stripped. */
  static @Nullable String text(@Nullable String text) {
    return Text.orNull(text);
  }

  /** Each element stripped; blank (and null) elements dropped; {@code null} stays unknown. */
  static @Nullable List<String> texts(@Nullable List<String> texts) {
    if (texts == null) {
      return null;
    }
    List<String> kept = new ArrayList<>(texts.size());
    for (String text : texts) {
      String value = Text.orNull(text);
      if (value != null) {
        kept.add(value);
      }
    }
    return List.copyOf(kept);
  }

  /**
   * A SHA-256 fingerprint in one form, 64 lower-case hex digits, from the forms tools print it in
   * (openssl's {@code SHA256 Fingerprint=9B:7A:...}, Azure's upper-case thumbprints, nmap's groups of
   * four): the same certificate must be the same value wherever it was read, or uniqueness and reuse
   * checks miss it. Other text is an identifier of another kind and is kept, stripped.
   */
  static @Nullable String sha256(@Nullable String fingerprint) {
    String text = Text.orNull(fingerprint);
    if (text == null) {
      return null;
    }
    if (isLowerHex64(text)) {
      // already canonical, as every fingerprint a large fleet lists after the first reading
      return text;
    }
    String digits = SHA256_LABEL.matcher(text).replaceFirst("").replace(":", "").replace(" ", "");
    return SHA256_HEX.matcher(digits).matches() ? digits.toLowerCase(Locale.ROOT) : text;
  }

  private static boolean isLowerHex64(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The canonical value of a vocabulary's spelling; an unknown spelling is kept as written. */
  static @Nullable String canonical(Vocabulary vocabulary, @Nullable String spelling) {
    return vocabulary.canonical(spelling);
  }

  /** Each element brought to canonical form; blank elements dropped. */
  static @Nullable List<String> canonical(Vocabulary vocabulary, @Nullable List<String> spellings) {
    return spellings == null ? null : List.copyOf(vocabulary.canonical(spellings));
  }

  /** A whole number of the form, or refused naming the field. */
  static @Nullable Integer number(String field, @Nullable Integer value, ValueFormat format) {
    if (value != null && !format.accepts(value)) {
      throw new InvalidFactException(field, value, "is not " + format.noun(), format.fix());
    }
    return value;
  }

  /** A text of the form in canonical text; blank is absent; anything else refused naming the field. */
  static @Nullable String formatted(String field, @Nullable String value, ValueFormat format) {
    String text = Text.orNull(value);
    if (text == null) {
      return null;
    }
    return format.normalise(text).orElseThrow(() -> refusal(field, text, format));
  }

  /** Each element of the form in canonical text; blank elements dropped; others refused naming field and index. */
  static @Nullable List<String> formatted(String field, @Nullable List<String> values, ValueFormat format) {
    if (values == null) {
      return null;
    }
    List<String> kept = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String text = Text.orNull(values.get(i));
      if (text == null) {
        continue;
      }
      int index = i;
      kept.add(format.normalise(text).orElseThrow(
          () -> new InvalidFactException(field, index, text, "is not " + format.noun(), format.fix())));
    }
    return List.copyOf(kept);
  }

  private static InvalidFactException refusal(String field, String text, ValueFormat format) {
    return new InvalidFactException(field, text, "is not " + format.noun(), format.fix());
  }
}
