package dev.rampart.oscal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an id a pack or the guide writes ({@code G01}, {@code 5.1-1}, {@code CR 1.9 RE(1)}, {@code
 * IA-2(8)}) becomes an OSCAL token, the syntax OSCAL requires of control ids: lower case; a number
 * in parentheses becomes {@code .N} (so NIST SP 800-53's {@code IA-2(8)} is {@code ia-2.8}, NIST's own
 * id for it); every other run of characters outside letters, digits, {@code .}, {@code -} and
 * {@code _} becomes one {@code -}; and an id that does not begin with a letter gets a {@code _} in
 * front ({@code 5.1-1} is {@code _5.1-1}). docs/oscal.md#component-definition-and-catalog lists the mapping with examples.
 */
final class OscalIds {

  private static final Pattern ENHANCEMENT = Pattern.compile("\\((\\d+)\\)");
  private static final Pattern OTHER = Pattern.compile("[^a-z0-9._-]+");

  private OscalIds() {}

  /** The OSCAL token for {@code id}. */
  static String token(String id) {
    String token = ENHANCEMENT.matcher(id.strip().toLowerCase(Locale.ROOT)).replaceAll(".$1");
    token = OTHER.matcher(token).replaceAll("-").replaceAll("^-+|-+$", "");
    return !token.isEmpty() && Character.isLetter(token.charAt(0)) ? token : "_" + token;
  }

  /**
   * The OSCAL token for a pack's parameter name, whose characters (letters, digits, {@code .}, {@code
   * _}, {@code -}) are all a token's already: the name as it is, with a {@code _} in front when it does
   * not begin with a letter, so {@code --param NAME=VALUE} still reads the same.
   */
  static String parameterToken(String name) {
    return !name.isEmpty() && Character.isLetter(name.charAt(0)) ? name : "_" + name;
  }
}
