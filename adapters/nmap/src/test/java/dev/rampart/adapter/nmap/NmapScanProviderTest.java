package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NmapScanProviderTest {

  private final NmapScanProvider provider = new NmapScanProvider();

  @Test
  void theLocationIsTheScanFile() throws SourceException {
    String file = Fixtures.path("structured.xml").toString();

    assertEquals("nmap:" + file, provider.create(SourceConfig.of(file)).describe());
  }

  @Test
  void theExposureOptionSaysWhereTheScanRanFrom() throws SourceException {
    SourceConfig config = new SourceConfig(Fixtures.path("ipv6.xml").toString(), Map.of("exposure", "internal"));
    List<Device> devices = new ArrayList<>();

    provider.create(config).read((fact, origin) -> devices.add((Device) fact));

    assertEquals(Exposure.INTERNAL, devices.get(0).services().get(0).exposure());
  }

  @Test
  void anExposureThatIsNeitherInternetNorInternal() {
    SourceConfig config = new SourceConfig("scan.xml", Map.of("exposure", "dmz"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    assertEquals(List.of("nmap source 'scan.xml': option exposure is 'dmz' (write exposure=internet when the scan"
        + " ran from the internet, or exposure=internal when it ran inside the network)"), failure.problems());
  }

  @Test
  void theNmapSourceTakesNoOtherOption() {
    SourceConfig config = new SourceConfig("scan.xml", Map.of("format", "xml", "exposure", "internet"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    assertEquals(List.of("nmap source 'scan.xml': unknown option(s) format (the nmap source takes only the option exposure)"),
        failure.problems());
  }
}
