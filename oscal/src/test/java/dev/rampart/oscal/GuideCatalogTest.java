package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Framework;
import dev.rampart.oscal.OscalValidation.OscalModel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The guide's requirements G01..G44 as an OSCAL catalog: valid by NIST's own library, one group per
 * category and one control per requirement, the crosswalk checked against the built-in pack, and
 * every requirement the built-in pack cites a control of it.
 */
class GuideCatalogTest {

  private static final Path DOCS_COPY = Path.of("../docs/oscal/guide-catalog.json");

  @Test
  void theCatalogIsValidAndSelfContained() throws Exception {
    assertEquals(List.of(), OscalValidation.problems(write(), OscalModel.CATALOG));
    assertEquals(List.of(), OscalValidation.danglingReferences(write()));
  }

  @Test
  void itHasTheGuidesNineCategoriesAsGroupsWithItsFortyFourRequirementsAsControls() throws Exception {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (JsonNode group : catalog().path("groups")) {
      List<String> labels = new ArrayList<>();
      group.path("controls").forEach(control -> labels.add(label(control)));
      groups.put(group.path("id").asText(), labels);
    }
    assertEquals(List.of("procurement", "identity", "segmentation", "patching", "monitoring", "interfaces", "data",
        "resilience", "operations"), List.copyOf(groups.keySet()));
    assertEquals(List.of("G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08", "G09"), groups.get("procurement"));
    assertEquals(List.of("G41", "G42", "G43", "G44"), groups.get("operations"));
    assertEquals(44, groups.values().stream().mapToInt(List::size).sum());
  }

  @Test
  void aControlHasTheRequirementsTitleStatementAndCrosswalk() throws Exception {
    JsonNode g04 = control("g04");

    assertEquals("Current transport security only", g04.path("title").asText());
    assertEquals("g04_smt", g04.path("parts").get(0).path("id").asText());
    assertEquals("statement", g04.path("parts").get(0).path("name").asText());
    assertEquals("Current transport security only (TLS/DTLS 1.2+, nothing older) on every encrypted service.",
        g04.path("parts").get(0).path("prose").asText());
    List<String> props = new ArrayList<>();
    g04.path("props").forEach(p -> props.add(p.path("name").asText() + "=" + p.path("value").asText()));
    assertEquals(List.of("label=G04", "sort-id=g04", "etsi-en-303-645=5.5-1", "nistir-8259a=Data Protection",
        "iec-62443-4-2=CR 3.1", "iec-62443-4-2=CR 4.3", "owasp-iot-top10-2018=I7"), props);
    assertEquals("etsi-en-303-645: 5.5-1", g04.path("links").get(0).path("text").asText());
  }

  @Test
  void everyRequirementTheBaselineCitesIsAControlOfTheCatalog() throws Exception {
    TreeSet<String> controls = new TreeSet<>();
    catalog().path("groups").forEach(group -> group.path("controls").forEach(control -> controls.add(label(control))));
    TreeSet<String> cited = new TreeSet<>();
    RulePacks.builtin("iot-baseline").rules().forEach(rule -> cited.addAll(rule.requirements()));

    assertEquals(controls, cited, "the baseline cites every requirement of the guide, and nothing else");
    assertEquals(GuideCatalog.builtIn().requirementIds(), List.copyOf(controls));
  }

  @Test
  void everyCrosswalkEntryIsAControlTheBaselineDeclaresForThatFramework() throws Exception {
    RulePack baseline = RulePacks.builtin("iot-baseline");
    List<String> unknown = new ArrayList<>();
    int entries = 0;
    for (JsonNode group : catalog().path("groups")) {
      for (JsonNode control : group.path("controls")) {
        for (JsonNode prop : control.path("props")) {
          if (prop.has("ns")) {
            entries++;
            Framework framework = baseline.framework(prop.path("name").asText()).orElse(null);
            if (framework == null || framework.control(prop.path("value").asText()).isEmpty()) {
              unknown.add(label(control) + " " + prop.path("name").asText() + " " + prop.path("value").asText());
            }
          }
        }
      }
    }
    assertEquals(List.of(), unknown);
    assertTrue(entries > 80, "crosswalk entries: " + entries);
  }

  @Test
  void theCopyInTheDocsIsWhatTheCatalogWrites() throws Exception {
    assertEquals(Files.readString(DOCS_COPY, StandardCharsets.UTF_8), write(),
        "docs/oscal/guide-catalog.json is out of date: run `rampart rules --format oscal-catalog"
            + " > docs/oscal/guide-catalog.json`");
  }

  @Test
  void twoRunsWriteTheSameBytes() throws Exception {
    assertEquals(write(), write());
  }

  private static String write() throws IOException {
    StringWriter out = new StringWriter();
    GuideCatalog.builtIn().write(out);
    return out.toString();
  }

  private static JsonNode catalog() throws IOException {
    return new ObjectMapper().readTree(write()).path("catalog");
  }

  private static JsonNode control(String id) throws IOException {
    for (JsonNode group : catalog().path("groups")) {
      for (JsonNode control : group.path("controls")) {
        if (control.path("id").asText().equals(id)) {
          return control;
        }
      }
    }
    throw new AssertionError("no control " + id);
  }

  private static String label(JsonNode control) {
    return control.path("props").get(0).path("value").asText();
  }
}
