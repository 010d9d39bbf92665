package dev.rampart.sources.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Transport;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceRole;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of merging services: nothing a source saw is lost, nothing is doubled, each keeps its origin. */
class ListUnionPropertiesTest {

  private static final Origin FIRST = Origin.of("nmap", "tcp.xml");
  private static final Origin SECOND = Origin.of("nmap", "udp.xml");

  private final FactMerger merger = new FactMerger(MergePolicy.defaults());

  @Test
  void theMergedServicesAreEveryServiceOfEitherSourceOnceWithTheOriginOfTheFirstThatSawIt() {
    qt().forAll(services(), services()).checkAssert((first, second) -> {
      MergedFact merged = merger.merge(List.of(
          new SourcedFact(Device.builder("h").services(first).build(), FIRST, SourceRole.DISCOVERY),
          new SourcedFact(Device.builder("h").services(second).build(), SECOND, SourceRole.DISCOVERY))).get(0);

      Set<String> expected = new LinkedHashSet<>(keys(first));
      expected.addAll(keys(second));
      List<Service> services = ((Device) merged.fact()).services();
      assertEquals(List.copyOf(expected), keys(services));
      for (int i = 0; i < services.size(); i++) {
        Origin expectedOrigin = keys(first).contains(keys(services).get(i)) ? FIRST : SECOND;
        assertEquals(expectedOrigin, merged.originOf(FieldPath.of("services").index(i).field("port")));
      }
    });
  }

  // ports from a small range, so the two sources often share some
  private static Gen<List<Service>> services() {
    Gen<Service> service = integers().between(1, 6).zip(integers().between(0, 1), (port, udp) ->
        Service.builder().port(port).transport(udp == 1 ? Transport.UDP : Transport.TCP).build());
    return lists().of(service).ofSizeBetween(1, 6).map(list -> {
      // one scan reports each port once
      Set<String> seen = new LinkedHashSet<>();
      return list.stream().filter(s -> seen.add(key(s))).toList();
    });
  }

  private static List<String> keys(List<Service> services) {
    return services.stream().map(ListUnionPropertiesTest::key).toList();
  }

  private static String key(Service service) {
    return service.port() + "/" + service.transport();
  }
}
