package dev.rampart.adapter.mud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Device;
import dev.rampart.sources.merge.FactMerger;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.sources.merge.MergedFact;
import dev.rampart.sources.merge.SourcedFact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A MUD device carries only its allowlist; merged by id with another source's device, the two combine. */
class MudMergeTest {

  @Test
  void theAllowlistJoinsTheObservedDestinationsOfTheSameDevice() throws Exception {
    List<SourcedFact> facts = new ArrayList<>();
    facts.add(new SourcedFact(Device.builder("cam-01").outboundDestinations(List.of("video.example.com", "198.51.100.7"))
        .build(), Origin.of("flows", "flows.json"), SourceRole.DISCOVERY));
    MudProvider mud = new MudProvider();
    mud.create(new SourceConfig(Fixtures.location("camera-x100.json"), Map.of("devices", "cam-01")))
        .read((fact, origin) -> facts.add(new SourcedFact(fact, origin, mud.role())));

    List<MergedFact> merged = new FactMerger(MergePolicy.defaults()).merge(facts);

    Device camera = (Device) merged.get(0).fact();
    assertEquals(1, merged.size());
    assertEquals(List.of("video.example.com", "198.51.100.7"), camera.outboundDestinations());
    assertEquals("video.example.com", camera.egressAllowlist().get(0));
    assertEquals("mud", merged.get(0).originOf(FieldPath.parse("egressAllowlist")).sourceId());
  }
}
