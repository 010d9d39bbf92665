package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.PackLoadException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Packs are read as YAML 1.2, as editors and the JSON Schema read them: only true and false (also
 * True, TRUE, False, FALSE) are booleans. YAML 1.1's yes, no, on and off are text, so where a boolean
 * is expected they are refused with the fix, instead of being read as a boolean here and as text in
 * the editor.
 */
class YamlBooleansTest {

  @Test
  void yesWhereABooleanIsExpectedIsRefusedWithTheFix() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:58: rule R: 'exists' on 'credentials.defaultPassword': 'exists' takes true or false but found \
        the string 'yes' (write true or false, without quotes: packs are read as YAML 1.2, in which yes, no, on and off are text)""",
        problems(PackText.deviceRule("{field: credentials.defaultPassword, exists: yes}")));
  }

  @Test
  void offAsTheValueOfABooleanFieldIsRefusedWithTheFix() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:58: rule R: 'equals' on 'credentials.defaultPassword': expected a boolean (true or false) but \
        found the string 'off' (write true or false, without quotes: packs are read as YAML 1.2, in which yes, no, on and off are text)""",
        problems(PackText.deviceRule("{field: credentials.defaultPassword, equals: off}")));
  }

  @Test
  void noAsIfAbsentIsRefusedWithTheFix() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:67: rule R: 'ifAbsent' takes true or false, not the string 'No' (write true or false, without \
        quotes: packs are read as YAML 1.2, in which yes, no, on and off are text)""",
        problems(PackText.deviceRule("", "{field: lifecycle.status, notEquals: retired, ifAbsent: No}",
            "{field: credentials.defaultPassword, equals: false}")));
  }

  @Test
  void yesIsTextWhereTextIsExpectedAndTrueInAnyYaml12SpellingIsABoolean() throws PackLoadException {
    RulePacks.parse(PackText.deviceRule("{all: [{field: owner, equals: yes}, {field: credentials.defaultPassword, equals: FALSE},"
        + " {field: hardware.secureBoot, equals: True}]}"), "pack.yaml");
  }

  private static String problems(String pack) {
    return assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml")).getMessage()
        .lines().collect(Collectors.joining("\n"));
  }
}
