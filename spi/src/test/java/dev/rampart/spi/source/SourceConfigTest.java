package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every file source checks of its configuration before it reads anything. */
class SourceConfigTest {

  @Test
  void everyOptionASourceDoesNotTakeIsNamedWithTheOnesItTakes() {
    SourceConfig config = new SourceConfig("site.yaml", Map.of("format", "yaml", "colour", "red", "embeddedAt", "facts"));

    SourceException e = assertThrows(SourceException.class,
        () -> config.refuseUnknownOptions("inventory", List.of("embeddedAt", "trust.anchors", "trust.crl")));

    assertEquals(List.of("inventory source 'site.yaml': unknown option(s) colour, format (the inventory source takes"
        + " the options embeddedAt, trust.anchors, trust.crl)"), e.problems());
    assertEquals(List.of("colour", "format"), config.unknownOptions(List.of("embeddedAt")));
  }

  @Test
  void aSourceWithOneOptionSaysItTakesOnlyThatOne() {
    SourceConfig config = new SourceConfig("scan.xml", Map.of("expsure", "internet"));

    SourceException e = assertThrows(SourceException.class, () -> config.refuseUnknownOptions("nmap", List.of("exposure")));

    assertEquals(List.of("nmap source 'scan.xml': unknown option(s) expsure (the nmap source takes only the option"
        + " exposure)"), e.problems());
    assertDoesNotThrow(() -> new SourceConfig("scan.xml", Map.of("exposure", "internet"))
        .refuseUnknownOptions("nmap", List.of("exposure")));
  }

  @Test
  void theLocationOfAFileSourceIsAPathOrAProblemNamingIt() throws SourceException {
    assertEquals(Path.of("exports", "hub.json"), SourceConfig.of("exports/hub.json").file());

    SourceException e = assertThrows(SourceException.class, () -> SourceConfig.of("hub\0.json").file());

    assertEquals(List.of("cannot read 'hub\\u0000.json': not a valid file path (Nul character not allowed)"), e.problems());
  }
}
