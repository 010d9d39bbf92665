package dev.rampart.engine.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pin grammar of {@code extends: NAME@PIN}: versions, caret and tilde ranges, comparators. */
class VersionPinTest {

  private static final List<String> VERSIONS =
      List.of("0.2.2", "0.2.3", "0.2.9", "0.3.0", "1.0", "1.0.0", "1.2.0", "1.2.5", "1.3.0", "1.9.9", "2.0.0-rc1", "2.0.0", "2.1");

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource(delimiter = '|', value = {
      "1.0.0        | 1.0, 1.0.0",
      "1.0          | 1.0, 1.0.0",
      "2.0.0-rc1    | 2.0.0-rc1",
      "^1           | 1.0, 1.0.0, 1.2.0, 1.2.5, 1.3.0, 1.9.9",
      "^1.2         | 1.2.0, 1.2.5, 1.3.0, 1.9.9",
      "^0.2.3       | 0.2.3, 0.2.9",
      "^0           | 0.2.2, 0.2.3, 0.2.9, 0.3.0",
      "~1.2         | 1.2.0, 1.2.5",
      "~1           | 1.0, 1.0.0, 1.2.0, 1.2.5, 1.3.0, 1.9.9",
      "~1.2.5       | 1.2.5",
      ">=1.0.0 <2   | 1.0, 1.0.0, 1.2.0, 1.2.5, 1.3.0, 1.9.9",
      ">1.2 <=2.0.0 | 1.2.5, 1.3.0, 1.9.9, 2.0.0",
      "<0.3         | 0.2.2, 0.2.3, 0.2.9",
  })
  void aPinAcceptsTheVersionsOfItsRangeByPrecedence(String pin, String accepted) {
    VersionPin parsed = VersionPin.parse(pin);
    assertNotNull(parsed, pin);
    assertEquals(accepted, VERSIONS.stream().filter(parsed::accepts).collect(Collectors.joining(", ")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "latest", "^", "~x", "^1.x", "^01", ">=", "1.0.0 || 2", "=>1", "^1.2.3.4"})
  void anythingElseIsNoPin(String text) {
    assertNull(VersionPin.parse(text), text);
  }

  @Test
  void theSuggestionIsTheCaretRangeOfTheVersionFound() {
    assertEquals(List.of("^1", "^1", "^0.3", "2.0.0-rc1"),
        List.of("1.0.0", "1.4", "0.3.1", "2.0.0-rc1").stream().map(VersionPin::suggestFor).toList());
  }
}
