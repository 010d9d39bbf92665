package dev.rampart.adapter.mud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads MUD files written by others, not for this project, from Cisco's MUD-Manager, osMUD and NIST's
 * MUD implementation (see {@code PROVENANCE.md} at the root of the test resources): the RFC 8520 shape
 * and the draft shapes that real files still use, each with the allowlist it must give.
 */
class MudRealWorldTest {

  @Test
  void theMudManagerLuminaireAllowsItsUpdateHostAndTwoMudAbstractions() throws Exception {
    String file = Fixtures.location("real-world/Luminaire_150.json");
    List<Fact> facts = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    new MudProvider().create(new SourceConfig(file, Map.of("devices", "lum-01")))
        .read((fact, origin) -> {
          facts.add(fact);
          origins.add(origin);
        });

    // The from-device ACL's three accept entries: a DNS name, then my-controller and local-networks,
    // which the file writes as YANG empty leaves ([null]). The to-device ACL (src-dnsname) adds nothing.
    assertEquals(List.of(Device.builder("lum-01").model("MUD-enabled Luminaire")
        .egressAllowlist(List.of("fw-update.luminaire.example.com", "mud:my-controller", "mud:local-networks"))
        .attributes(Map.of("mudUrl", "https://luminaire.example.com/Luminaire_150", "mudSupported", true))
        .build()), facts);
    // last-update 2018-06-29T19:50:19+02:00, the ietf-mud:mud container at line 2, column 19.
    assertEquals(List.of(new Origin("mud", file, 2, 19, Instant.parse("2018-06-29T17:50:19Z"))), origins);
  }

  @Test
  void osMudsDraftLightbulbWithAccessListEntriesAllowsItsServiceHost() throws Exception {
    // ietf-access-control-list:access-lists, access-list-entries, rule-name and an ipv6-acl match:
    // draft-ietf-netmod-acl-model spellings in a file that otherwise follows RFC 8520.
    assertEquals(List.of("service.bms.example.com"), allowlist("real-world/osmud/lightbulb2000.json"));
  }

  @Test
  void osMudsRfcShapedExampleAllowsItsTestHost() throws Exception {
    assertEquals(List.of("test.example.com"), allowlist("real-world/osmud/ieft-draft.json"));
  }

  @Test
  void nistsEarlyDraftSampleWithAclNamesAndPermitActionsAllowsItsServiceHost() throws Exception {
    // acl-name and acl-type in the policy and the lists, "permit": [null] for accept, is-supported as
    // the text "true", and no mud-version: the MUD draft before mud-version existed.
    Device bulb = device("real-world/nist-mud/mud-sample.json");

    assertEquals(Device.builder("dev-01").model("https://bms.example.com/descriptions/lightbulb2000")
        .egressAllowlist(List.of("service.bms.example.com"))
        .attributes(Map.of("mudUrl", "https://bms.example.com/.well-known/mud/v1/lightbulb2000", "mudSupported", true))
        .build(), bulb);
  }

  @Test
  void nistsToasterUnderTheDraftContainerAllowsItsHostAndThreeMudAbstractions() throws Exception {
    assertEquals(List.of("www.nist.gov", "mud:my-controller", "mud:local-networks", "mud:same-manufacturer"),
        allowlist("real-world/nist-mud/mudfile.json"));
  }

  @Test
  void nistsManufacturerTestAllowsTwoOtherManufacturersDevices() throws Exception {
    assertEquals(List.of("mud:manufacturer:toothbrush.nist.local", "mud:manufacturer:hairbrush.nist.local"),
        allowlist("real-world/nist-mud/mudfile-mfg-test.json"));
  }

  private static List<String> allowlist(String name) throws Exception {
    return device(name).egressAllowlist();
  }

  private static Device device(String name) throws Exception {
    List<Fact> facts = new ArrayList<>();
    new MudProvider().create(new SourceConfig(Fixtures.location(name), Map.of("devices", "dev-01")))
        .read((fact, origin) -> facts.add(fact));
    assertEquals(1, facts.size(), "one device");
    return (Device) facts.get(0);
  }
}
