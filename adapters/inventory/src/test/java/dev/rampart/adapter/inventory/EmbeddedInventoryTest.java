package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code embeddedAt} option: an inventory held under one top-level key of a larger document,
 * such as a rule pack's test fixture, read by the same reader with the file's own lines.
 */
class EmbeddedInventoryTest {

  @Test
  void theInventoryUnderTheKeyGivesTheSameFactsAsAPlainFile() throws SourceException {
    List<Fact> plain = Fixtures.facts("embedded-plain.yaml");

    assertEquals(plain, read("embedded.yaml").facts());
    assertEquals(plain, read("embedded.json").facts());
  }

  @Test
  void factsKeepTheLineAndColumnOfTheEnclosingFile() throws Exception {
    String file = Fixtures.path("embedded.yaml").toString();
    Instant modified = Fixtures.lastModified("embedded.yaml");

    assertEquals(List.of(
        new Origin("inventory", file, 7, 5, modified),
        new Origin("inventory", file, 9, 7, modified),
        new Origin("inventory", file, 12, 7, modified)), read("embedded.yaml").origins());
  }

  @Test
  void problemsInsideTheInventoryNameTheKeyAndKeepTheirPlaceInTheFile() {
    assertEquals(Fixtures.expected("embedded-problems.yaml", """
        FILE:4:3: unknown key 'device' in 'facts' (did you mean 'devices'?)
        FILE:8:21: facts.devices[0] (id 'cam-01').credentials: unknown field 'defaultPasword' (did you mean 'defaultPassword'?)
        FILE:11:18: facts.devices[1] (id 'cam-02').services[0].port: 70000 is not a port (ports are 1 to 65535)
        FILE:12:15: facts.deployment: expected an object but found a list \
        (the deployment is a single object with an 'id', not a list)
        """), problems("embedded-problems.yaml"));
  }

  @Test
  void aMissingKeyIsReportedForTheWholeFile() {
    assertEquals(Fixtures.expected("embedded-missing.yaml", """
        FILE: no top-level key 'facts' holds the inventory \
        (add 'facts:' with the deployment, vendors, networks and devices)
        """), problems("embedded-missing.yaml"));
  }

  @Test
  void theValueUnderTheKeyMustBeAnInventoryObject() {
    assertEquals(Fixtures.expected("embedded-not-an-object.yaml", """
        FILE:2:3: facts: expected the inventory (an object with the keys deployment, vendors, networks, devices) \
        but found a list (write the deployment, vendors, networks and devices under 'facts:')
        """), problems("embedded-not-an-object.yaml"));
  }

  @Test
  void withoutTheOptionTheWholeDocumentIsTheInventoryAsBefore() {
    assertEquals(Fixtures.expected("embedded.yaml", """
        FILE:2:1: unknown top-level key 'expect' (valid keys: deployment, vendors, networks, devices)
        FILE:5:1: unknown top-level key 'facts' (valid keys: deployment, vendors, networks, devices)
        FILE:15:1: unknown top-level key 'now' (valid keys: deployment, vendors, networks, devices)
        """), Fixtures.problems(Fixtures.path("embedded.yaml")));
  }

  @Test
  void theProviderTakesTheKeyAsTheSourceOptionEmbeddedAt() throws SourceException {
    SourceConfig config = new SourceConfig(Fixtures.path("embedded.yaml").toString(), Map.of("embeddedAt", "facts"));
    List<Fact> facts = new ArrayList<>();

    new InventoryFileProvider().create(config).read((fact, origin) -> facts.add(fact));

    assertEquals(Fixtures.facts("embedded-plain.yaml"), facts);
  }

  @Test
  void aBlankEmbeddedAtOptionIsRejected() {
    SourceConfig config = new SourceConfig("fixture.yaml", Map.of("embeddedAt", " "));

    SourceException failure = assertThrows(SourceException.class, () -> new InventoryFileProvider().create(config));

    assertEquals(List.of("inventory source 'fixture.yaml': option embeddedAt is blank"
        + " (name the top-level key that holds the inventory, e.g. embeddedAt=facts)"), failure.problems());
  }

  private static RecordingSink read(String name) throws SourceException {
    return RecordingSink.read(InventoryFileSource.embedded(Fixtures.path(name), "facts"));
  }

  private static String problems(String name) {
    return RecordingSink.problems(InventoryFileSource.embedded(Fixtures.path(name), "facts"));
  }
}
