package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.sources.merge.Conflict;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One host scanned twice, each scan a source of its own (as AutoRecon writes its TCP and UDP scans to
 * separate files): the services of both are the device's services, each with the scan that saw it,
 * and only a real disagreement about one service is a conflict. The scans are python-libnmap's real
 * samples (see PROVENANCE.md).
 */
class ScannedTwiceTest {

  private static final String REAL = "src/test/resources/dev/rampart/sources/merge/real-world/";
  /** 127.0.0.1 by nmap -sT: ports 22, 25, 111, 631 open, 3306 filtered; names from nmap's table only. */
  private static final String CONNECT = REAL + "libnmap-localhost-connect-scan.xml";
  /** 127.0.0.1 by nmap -sV seven seconds later: the same ports, all open, with products; MySQL 5.1.61. */
  private static final String VERSION = REAL + "libnmap-localhost-version-scan.xml";
  /** 127.0.0.1 by nmap -sV in another run: ports 80, 8009 and 8080 too, rpcbind 2-4, MySQL 5.1.67. */
  private static final String OTHER_RUN =
      "../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-os-banner-scripts-nmap551.xml";

  private final Sources sources = Sources.discover();

  @Test
  void theServicesOfBothScansAreTheDevicesEachWithTheScanThatSawIt() {
    Inventory inventory = read("nmap:" + VERSION, "nmap:" + OTHER_RUN);

    Device host = device(inventory);
    assertEquals(List.of("22/tcp", "25/tcp", "111/tcp", "631/tcp", "3306/tcp", "80/tcp", "8009/tcp", "8080/tcp"),
        ports(host));
    assertEquals("nmap:" + OTHER_RUN + ":7:51", origin(inventory, "services[5].port"), "port 80 only the other run saw");
    assertEquals("nmap:" + OTHER_RUN + ":7:51", origin(inventory, "services[7]"));
    assertEquals("nmap:" + VERSION + ":13:51", origin(inventory, "services[0].product"));
    assertEquals("nmap:" + OTHER_RUN + ":7:51", origin(inventory, "services[2].productVersion"),
        "rpcbind's version only the other run read");
    assertEquals("2-4", host.services().get(2).productVersion());
  }

  @Test
  void aServiceTheScansDescribeDifferentlyIsAConflictNamedByItsPortWithPlainValues() {
    Inventory inventory = read("nmap:" + VERSION, "nmap:" + OTHER_RUN);

    assertEquals("""
        services[3306/tcp].productVersion: kept 5.1.61 from nmap:%1$s:13:51; overruled 5.1.67 from nmap:%2$s:7:51"""
            .formatted(VERSION, OTHER_RUN),
        conflicts(inventory));
  }

  @Test
  void aPortOneScanSawFilteredAndTheOtherOpenIsAConflictOnItsState() {
    Inventory inventory = read("nmap:" + CONNECT, "nmap:" + VERSION);

    Device host = device(inventory);
    assertEquals(List.of("22/tcp", "25/tcp", "111/tcp", "631/tcp", "3306/tcp"), ports(host));
    assertEquals("MySQL", host.services().get(4).product(), "the version scan's product fills the connect scan's gap");
    assertEquals("nmap:" + VERSION + ":13:51", origin(inventory, "services[4].product"));
    assertEquals("nmap:" + CONNECT + ":9:51", origin(inventory, "services[4].state"));
    assertEquals("""
        services[3306/tcp].state: kept filtered from nmap:%1$s:9:51; overruled open from nmap:%2$s:13:51"""
            .formatted(CONNECT, VERSION),
        conflicts(inventory));
  }

  private Inventory read(String... specs) {
    try {
      return Inventory.read(sources, List.of(specs).stream().map(SourceSpec::parse).toList(), MergePolicy.defaults(),
          false);
    } catch (SourceException e) {
      throw new AssertionError(String.join("\n", e.problems()), e);
    }
  }

  private static Device device(Inventory inventory) {
    List<Device> devices = inventory.facts().stream().filter(Device.class::isInstance).map(Device.class::cast).toList();
    assertEquals(1, devices.size(), "one host, one device");
    return devices.get(0);
  }

  private static List<String> ports(Device device) {
    return device.services().stream().map(ScannedTwiceTest::port).toList();
  }

  private static String port(Service service) {
    return service.port() + "/" + WireNames.of(service.transport());
  }

  private static String origin(Inventory inventory, String path) {
    return inventory.originOf(FactType.DEVICE, "127.0.0.1", FieldPath.parse(path)).describe();
  }

  private static String conflicts(Inventory inventory) {
    return String.join("\n",
        inventory.conflicts().values().stream().flatMap(List::stream).map(Conflict::toString).toList());
  }
}
