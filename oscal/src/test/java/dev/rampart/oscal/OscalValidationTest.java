package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.oscal.OscalValidation.OscalModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator the OSCAL tests rely on accepts a valid document and names what is wrong with a broken one. */
class OscalValidationTest {

  private static final String VALID = """
      {"assessment-results": {
        "uuid": "11111111-2222-5333-8444-555555555555",
        "metadata": {"title": "t", "last-modified": "2026-11-25T00:00:00Z", "version": "1",
                     "oscal-version": "1.1.2"},
        "import-ap": {"href": "#"},
        "results": [{
          "uuid": "11111111-2222-5333-8444-666666666666",
          "title": "r", "description": "d", "start": "2026-11-25T00:00:00Z",
          "reviewed-controls": {"control-selections": [{"include-all": {}}]},
          "findings": [{
            "uuid": "11111111-2222-5333-8444-777777777777", "title": "f", "description": "d",
            "target": {"type": "objective-id", "target-id": "G01",
                       "status": {"state": "satisfied"}}
          }]
        }]
      }}
      """;

  @Test
  void acceptsAValidAssessmentResultsDocument() {
    assertEquals(List.of(), OscalValidation.problems(VALID, OscalModel.ASSESSMENT_RESULTS));
  }

  @Test
  void rejectsADocumentWithoutItsUuid() {
    String broken = VALID.replace("\"uuid\": \"11111111-2222-5333-8444-555555555555\",", "");

    List<String> problems = OscalValidation.problems(broken, OscalModel.ASSESSMENT_RESULTS);

    assertEquals(List.of("schema ERROR: #/assessment-results: required key [uuid] not found"), problems);
  }

  @Test
  void rejectsAStatusOscalDoesNotHave() {
    String broken = VALID.replace("\"state\": \"satisfied\"", "\"state\": \"passed\"");

    List<String> problems = OscalValidation.problems(broken, OscalModel.ASSESSMENT_RESULTS);

    assertTrue(problems.contains("schema ERROR: #/assessment-results/results/0/findings/0/target/status/state: "
        + "passed is not a valid enum value"), problems.toString());
  }

  @Test
  void rejectsAReferenceToNothing() {
    // well-formed by the schema; only the Metaschema constraints see that no role or party has these ids
    String broken = VALID.replace("\"oscal-version\": \"1.1.2\"}", """
        "oscal-version": "1.1.2", "responsible-parties": [{"role-id": "nobody",
          "party-uuids": ["11111111-2222-5333-8444-999999999999"]}]}""");

    List<String> problems = OscalValidation.problems(broken, OscalModel.ASSESSMENT_RESULTS);

    assertEquals(List.of(
        "constraint ERROR: Key reference not found in index 'index-metadata-role-id' for item at path "
            + "'/assessment-results/metadata[1]/responsible-party[1]'",
        "constraint ERROR: Key reference not found in index 'index-metadata-party-uuid' for item at path "
            + "'/assessment-results/metadata[1]/responsible-party[1]/party-uuid[1]'"), problems);
  }

  @Test
  void rejectsALinkToAResourceThatIsNotThere() {
    String broken = VALID.replace("\"oscal-version\": \"1.1.2\"}",
        "\"oscal-version\": \"1.1.2\", \"links\": [{\"href\": \"#nowhere\", \"rel\": \"reference\"}]}");

    List<String> problems = OscalValidation.problems(broken, OscalModel.ASSESSMENT_RESULTS);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("constraint ERROR: liboscal-java could not check"), problems.toString());
  }

  @Test
  void findsReferencesToNothingThatTheLibraryLetsPass() {
    String dangling = VALID.replace("\"status\": {\"state\": \"satisfied\"}}",
        "\"status\": {\"state\": \"satisfied\"}}, \"related-observations\": "
            + "[{\"observation-uuid\": \"11111111-2222-5333-8444-999999999999\"}]");

    assertEquals(List.of(), OscalValidation.problems(dangling, OscalModel.ASSESSMENT_RESULTS));
    assertEquals(List.of(
        "assessment-results.import-ap.href:  names nothing in the document",
        "assessment-results.results[0].findings[0].related-observations[0].observation-uuid: "
            + "11111111-2222-5333-8444-999999999999 names nothing in the document"),
        OscalValidation.danglingReferences(dangling));
  }

  @Test
  void rejectsTheWrongModel() {
    List<String> problems = OscalValidation.problems(VALID, OscalModel.CATALOG);

    assertTrue(problems.contains("schema ERROR: #: required key [catalog] not found"), problems.toString());
  }

  @Test
  void rejectsTextThatIsNotJson() {
    List<String> problems = OscalValidation.problems("{\"assessment-results\": ", OscalModel.ASSESSMENT_RESULTS);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("not JSON: "), problems.toString());
  }
}
