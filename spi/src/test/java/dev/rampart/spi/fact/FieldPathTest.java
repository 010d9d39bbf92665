package dev.rampart.spi.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.rampart.spi.fact.FieldPath.Index;
import dev.rampart.spi.fact.FieldPath.InvalidFieldPathException;
import dev.rampart.spi.fact.FieldPath.Key;
import dev.rampart.spi.fact.FieldPath.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class FieldPathTest {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String NAME_CHARACTERS = LETTERS + "0123456789_-:/ ";

  @Test
  void readsNamesIndexesAndKeys() {
    assertEquals(List.of(new Name("services"), new Index(1), new Name("port")), FieldPath.parse("services[1].port").steps());
    assertEquals(List.of(new Name("networks"), new Key("corp"), new Name("zone")), FieldPath.parse("networks[corp].zone").steps());
    assertEquals(List.of(new Name("attributes"), new Name("site")), FieldPath.parse("attributes.site").steps());
    assertEquals(List.of(new Name("tlsVersions"), new Index(0)), FieldPath.parse("tlsVersions[0]").steps());
  }

  @Test
  void isBuiltStepByStepAndComparedByValue() {
    FieldPath built = FieldPath.of("services").index(1).field("port");
    assertEquals(FieldPath.parse("services[1].port"), built);
    assertEquals(FieldPath.parse("services[1].port").hashCode(), built.hashCode());
    assertEquals("services[1].port", built.text());
    assertEquals("services[1].port", built.toString());
    assertNotEquals(FieldPath.of("services").key("1").field("port"), built);
    assertEquals(FieldPath.parse("services[1]"), built.parent());
    assertEquals(FieldPath.parse("services"), built.parent().parent());
    assertEquals(FieldPath.root(), built.parent().parent().parent());
    assertEquals(FieldPath.parse("[1].port".substring(4)), built.rest().rest());
    assertEquals(FieldPath.parse("services.port"), built.withoutSelectors());
    assertEquals(built, FieldPath.of("services").then(FieldPath.root().index(1).field("port")));
    assertEquals("", FieldPath.root().text());
  }

  @Test
  void theRootHasNoParent() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> FieldPath.root().parent());
    assertEquals("the root path has no steps", e.getMessage());
  }

  @Test
  void parsingWhatItRendersGivesTheSamePath() {
    qt().withExamples(500).forAll(paths()).checkAssert(path -> {
      FieldPath parsed = FieldPath.parse(path.text());
      assertEquals(path, parsed);
      assertEquals(path.text(), parsed.text());
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "a..b | field path 'a..b', column 3: a field name is missing between two dots (write a name at column 3, e.g. 'firmware.version')",
      "a[ | field path 'a[', column 2: '[' is not closed (close it with ']', e.g. 'services[0]')",
      "a[-1] | field path 'a[-1]', column 3: the list index '-1' is negative (count elements from 0, e.g. '[0]' for the first)",
      "a[] | field path 'a[]', column 3: '[]' selects nothing (write an index or a key, e.g. 'services[0]')",
      "a. | field path 'a.', column 2: the field path ends with a dot (name a field after it, or drop it)",
      ".a | field path '.a', column 1: a field name is missing between two dots (write a name at column 1, e.g. 'firmware.version')",
      "a]b | field path 'a]b', column 2: ']' cannot follow a step (join steps with '.' or select an element with '[...]')",
      "a[0]b | field path 'a[0]b', column 5: 'b' cannot follow a step (join steps with '.' or select an element with '[...]')",
      "a[[0]] | field path 'a[[0]]', column 3: '[' inside brackets (select one element at a time, e.g. 'services[0]')",
      "a[007] | field path 'a[007]', column 3: '007' is not a list index (write the index as plain digits from 0 to 999999999, e.g. '[2]')",
      "a[99999999999] | field path 'a[99999999999]', column 3: '99999999999' is not a list index (write the index as plain digits from 0 to 999999999, e.g. '[2]')",
      "[0] | field path '[0]', column 1: a field name is missing (write a name at column 1, e.g. 'firmware.version')",
  })
  void refusesTextThatIsNoPathNamingTheColumnAndTheFix(String text, String message) {
    InvalidFieldPathException e = assertThrows(InvalidFieldPathException.class, () -> FieldPath.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesAnEmptyPath() {
    InvalidFieldPathException e = assertThrows(InvalidFieldPathException.class, () -> FieldPath.parse(""));
    assertEquals("field path '', column 1: the field path is empty (name a field, e.g. 'owner' or 'attributes.site')",
        e.getMessage());
  }

  @Test
  void refusesTenThousandSegmentsAtTheFirstStepTooMany() {
    String text = String.join(".", java.util.Collections.nCopies(10_000, "a"));
    InvalidFieldPathException e = assertThrows(InvalidFieldPathException.class, () -> FieldPath.parse(text));
    assertEquals("""
        field path 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a....', column 129: \
        the field path has more than 64 steps (shorten it: fact models are not that deep)""", e.getMessage());
    assertEquals(129, e.column());
  }

  @Test
  void refusesInvisibleCharactersQuotingOnlyTheTextBeforeThem() {
    InvalidFieldPathException e = assertThrows(InvalidFieldPathException.class, () -> FieldPath.parse("a[\u001b[2J]"));
    assertEquals("field path 'a[', column 3: the invisible character U+001B cannot be part of a path (remove it)",
        e.getMessage());
    InvalidFieldPathException bidi = assertThrows(InvalidFieldPathException.class, () -> FieldPath.parse("site\u202Eabc"));
    assertEquals("field path 'site', column 5: the invisible character U+202E cannot be part of a path (remove it)",
        bidi.getMessage());
  }

  private static Gen<FieldPath> paths() {
    Gen<String> names = text(NAME_CHARACTERS);
    Gen<FieldPath.Step> steps = integers().between(0, 2).zip(names, text(LETTERS), integers().between(0, 999_999_999),
        (kind, name, key, index) -> kind == 0 ? new Name(name) : kind == 1 ? new Key(key) : new Index(index));
    return names.zip(lists().of(steps).ofSizeBetween(0, FieldPath.MAX_STEPS - 1), (first, rest) -> {
      List<FieldPath.Step> all = new ArrayList<>();
      all.add(new Name(first));
      all.addAll(rest);
      return FieldPath.of(all);
    });
  }

  private static Gen<String> text(String alphabet) {
    return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(1, 12)
        .map(indexes -> indexes.stream().map(i -> String.valueOf(alphabet.charAt(i))).reduce("", String::concat));
  }
}
