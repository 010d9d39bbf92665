package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every adapter collects the problems of a file the same way: all of them, each located, at most a page. */
class SourceProblemsTest {

  @Test
  void eachProblemNamesTheFileThePlaceWhatIsWrongAndTheFix() {
    SourceProblems problems = new SourceProblems("site.yaml");

    problems.add(new TextPosition(12, 7), "devices[2] (id 'cam-02').credentials", "unknown field 'pasword'",
        "did you mean 'password'?");
    problems.add(new TextPosition(20, 3), "", "there is more after the end of the list", "a file holds one list");
    problems.add(null, "", "the file is empty", null);
    problems.add("cannot read 'ca.pem': no such file (check the path)");

    assertEquals("""
        site.yaml:12:7: devices[2] (id 'cam-02').credentials: unknown field 'pasword' (did you mean 'password'?)
        site.yaml:20:3: there is more after the end of the list (a file holds one list)
        site.yaml: the file is empty
        cannot read 'ca.pem': no such file (check the path)""", String.join("\n", thrown(problems)));
  }

  @Test
  void aFileWithoutProblemsEndsTheReadQuietly() {
    SourceProblems problems = new SourceProblems("scan.xml");

    assertTrue(problems.isEmpty());
    assertDoesNotThrow(problems::throwIfAny);
  }

  @Test
  void afterFiftyProblemsTheRestAreCountedAsOmittedAndTheReaderIsToldToStop() {
    SourceProblems problems = new SourceProblems("export.json");
    for (int line = 1; line <= SourceProblems.LIMIT; line++) {
      problems.add(new TextPosition(line, 1), "", "problem " + line, null);
    }
    assertFalse(problems.isFull());

    problems.add(new TextPosition(51, 1), "", "problem 51", null);

    assertTrue(problems.isFull());
    List<String> report = thrown(problems);
    assertEquals(51, report.size());
    assertEquals("export.json:50:1: problem 50", report.get(49));
    assertEquals("export.json: stopped after 50 problems; more were omitted (fix these and read the file again)",
        report.get(50));
  }

  @Test
  void inFileOrderSortsByLineAndColumnWithProblemsOfTheWholeFileFirst() {
    SourceProblems problems = new SourceProblems("camera.json");
    problems.add(new TextPosition(30, 5), "ietf-mud:mud", "no mud-url", null);
    problems.add(new TextPosition(4, 9), "", "duplicate key 'acl'", null);
    problems.add(new TextPosition(4, 2), "", "mud-version is 2", null);
    problems.add("cannot read 'camera.json': it is a directory (give the path of a MUD file)");

    assertEquals(List.of(
        "cannot read 'camera.json': it is a directory (give the path of a MUD file)",
        "camera.json:4:2: mud-version is 2",
        "camera.json:4:9: duplicate key 'acl'",
        "camera.json:30:5: ietf-mud:mud: no mud-url"), problems.inFileOrder());
  }

  @Test
  void aLineBreakInAQuotedValueCannotForgeALineOfTheReport() {
    SourceProblems problems = new SourceProblems("site.yaml");
    problems.add(new TextPosition(3, 1), "", "unknown field 'a\nsite.yaml:1:1: all clear'", null);

    assertEquals(List.of("site.yaml:3:1: unknown field 'a\\nsite.yaml:1:1: all clear'"), thrown(problems));
  }

  @Test
  void aPositionIsOneBased() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextPosition(0, 1));

    assertEquals("a position is 1-based: line 0, column 1", e.getMessage());
    assertEquals("12:7", new TextPosition(12, 7).toString());
  }

  private static List<String> thrown(SourceProblems problems) {
    return assertThrows(SourceException.class, problems::throwIfAny).problems();
  }
}
