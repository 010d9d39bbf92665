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
 * Reads MUD files written by others, not for this project: {@code real-world/Luminaire_150.json}, the
 * example MUD file of Cisco's MUD-Manager (see {@code PROVENANCE.md} at the root of the test resources).
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
}
