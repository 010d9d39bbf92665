package dev.rampart.adapter.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetBoxProviderTest {

  private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

  private final NetBoxProvider provider =
      new NetBoxProvider(Map.of("NETBOX_TOKEN", TOKEN)::get, duration -> {}, Clock.systemUTC());

  @Test
  void theSourceDescribesItselfByTheBaseUrl() throws SourceException {
    assertEquals("netbox:https://netbox.example.com/tools",
        provider.create(SourceConfig.of("https://netbox.example.com/tools/")).describe());
  }

  @Test
  void everyMistakeInTheOptionsIsReportedAtOnce() {
    SourceConfig config = new SourceConfig("https://netbox.example.com", Map.of(
        "colour", "blue", "retries", "lots", "zoneMap", "cameras:camera,office", "requestTimeout", "P1D",
        "deviceIds", "serial", "statusMap", "retired:gone,in-repair"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    String source = "netbox source 'https://netbox.example.com': ";
    assertEquals(List.of(
        source + "unknown option(s) colour (the source takes the options tokenEnv, tokenFile, ownerField,"
            + " endOfSupportField, zoneMap, deviceIds, statusMap, pageSize, retries, connectTimeout, requestTimeout)",
        source + "option retries is 'lots', not a whole number from 1 to 10 (e.g. retries=3)",
        source + "option requestTimeout is 'P1D', not a duration from 1 second to 10 minutes (give seconds,"
            + " e.g. requestTimeout=30, or an ISO-8601 duration such as PT1M)",
        source + "option zoneMap: 'cameras:camera': 'camera' is not a zone (use one of iot, ot, corporate, guest,"
            + " dmz, management)",
        source + "option zoneMap: 'office' is not slug:zone (e.g. zoneMap=cameras:iot,office:corporate)",
        source + "option deviceIds is 'serial', not name, site-name or netbox-id (e.g. deviceIds=netbox-id for NetBox's"
            + " numeric ids)",
        source + "option statusMap: 'retired:gone': 'gone' is not a lifecycle status (use planned, active, maintenance,"
            + " retired or unknown)",
        source + "option statusMap: 'in-repair' is not status:lifecycle (e.g."
            + " statusMap=retired:retired,in-repair:maintenance)"),
        failure.problems());
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
    SourceException failure = assertThrows(SourceException.class,
        () -> provider.create(SourceConfig.of("https://admin:" + TOKEN + "@netbox.example.com/?token=" + TOKEN)));

    assertEquals(List.of("netbox source 'https://netbox.example.com/': the URL holds a user name or password (remove it:"
        + " credentials are read only from environment variables or files named by the source's options)"),
        failure.problems());
  }

  @Test
  void theApiUrlIsNotTheBaseUrl() {
    SourceException failure = assertThrows(SourceException.class,
        () -> provider.create(SourceConfig.of("https://netbox.example.com/api/")));

    assertEquals(List.of("netbox source 'https://netbox.example.com/api/': give the NetBox base URL without /api"
        + " (e.g. https://netbox.example.com)"), failure.problems());
  }

  @Test
  void aTokenGivenAsTheVariableNameIsNotRepeated() {
    SourceException failure = assertThrows(SourceException.class,
        () -> provider.create(new SourceConfig("https://netbox.example.com", Map.of("tokenEnv", TOKEN))));

    assertEquals(List.of("netbox source 'https://netbox.example.com': option tokenEnv looks like a token itself"
        + " (name the environment variable that holds the token instead, e.g. tokenEnv=NETBOX_TOKEN, and consider"
        + " the token exposed)"), failure.problems());
  }

  @Test
  void theTokenComesFromEitherAVariableOrAFile() {
    SourceConfig config = new SourceConfig("https://netbox.example.com", Map.of("tokenEnv", "NB", "tokenFile", "/run/nb"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    assertEquals(List.of("netbox source 'https://netbox.example.com': give either the option tokenEnv or tokenFile,"
        + " not both"), failure.problems());
  }

  @Test
  void aMissingTokenFileIsNamed() {
    SourceConfig config = new SourceConfig("https://netbox.example.com", Map.of("tokenFile", "/run/secrets/no-such-token"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    assertEquals(List.of("netbox source 'https://netbox.example.com': cannot read the token from the file"
        + " '/run/secrets/no-such-token': no such file (check the path given with tokenFile)"), failure.problems());
  }
}
