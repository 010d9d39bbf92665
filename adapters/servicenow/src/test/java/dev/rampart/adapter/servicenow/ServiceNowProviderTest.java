package dev.rampart.adapter.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNowProviderTest {

  private static final String SOURCE = "servicenow source 'https://acme.service-now.com': ";

  private final ServiceNowProvider provider =
      new ServiceNowProvider(Map.of("SERVICENOW_PASSWORD", "pw")::get, duration -> {}, Clock.systemUTC());

  @Test
  void theSourceDescribesItselfByTheInstanceUrl() throws SourceException {
    assertEquals("servicenow:https://acme.service-now.com",
        provider.create(new SourceConfig("https://acme.service-now.com/", Map.of("user", "reader"))).describe());
  }

  @Test
  void withoutCredentialsTheMessageSaysWhichOptionsGiveThem() {
    SourceException failure = assertThrows(SourceException.class,
        () -> provider.create(SourceConfig.of("https://acme.service-now.com")));

    assertEquals(List.of(SOURCE + "no credentials (give the option user=NAME, whose password is read from"
        + " $SERVICENOW_PASSWORD, or tokenEnv=VARIABLE for an OAuth bearer token)"), failure.problems());
  }

  @Test
  void everyMistakeInTheOptionsIsReportedAtOnce() {
    SourceConfig config = new SourceConfig("https://acme.service-now.com", Map.of("user", "reader", "tokenEnv", "SN_TOKEN",
        "tables", "cmdb_ci_hardware,cmdb ci netgear", "installStatusMap", "6:spare,x", "pageSize", "0",
        "operationalStatusMap", "6:gone", "deviceIds", "asset-tag"));

    SourceException failure = assertThrows(SourceException.class, () -> provider.create(config));

    assertEquals(List.of(
        SOURCE + "give either user (with passwordEnv) for basic authentication or tokenEnv for a bearer token, not both",
        SOURCE + "option tables: 'cmdb ci netgear' is not a table or field name (use ServiceNow's names, lower-case"
            + " words joined by '_', e.g. tables=cmdb_ci_hardware)",
        SOURCE + "option pageSize is '0', not a whole number from 1 to 10000 (e.g. pageSize=500)",
        SOURCE + "option installStatusMap: '6:spare': 'spare' is not a lifecycle status (use planned, active,"
            + " maintenance, retired or unknown)",
        SOURCE + "option installStatusMap: 'x' is not code:status (e.g. installStatusMap=6:planned,101:active)",
        SOURCE + "option operationalStatusMap: '6:gone': 'gone' is not a lifecycle status (use planned, active,"
            + " maintenance, retired or unknown)",
        SOURCE + "option deviceIds is 'asset-tag', not name or sys-id (e.g. deviceIds=sys-id for ids that survive"
            + " renaming)"),
        failure.problems());
  }

  @Test
  void aTableApiUrlIsNotTheInstanceUrl() {
    SourceException failure = assertThrows(SourceException.class, () -> provider.create(
        new SourceConfig("https://acme.service-now.com/api/now/table/cmdb_ci_hardware", Map.of("user", "reader"))));

    assertEquals(List.of("servicenow source 'https://acme.service-now.com/api/now/table/cmdb_ci_hardware': give the"
        + " instance URL without the API's path (e.g. https://acme.service-now.com; tables are chosen with the option"
        + " tables)"), failure.problems());
  }

  @Test
  void aPasswordInTheUserOptionIsNotRepeated() {
    SourceException failure = assertThrows(SourceException.class, () -> provider.create(
        new SourceConfig("https://acme.service-now.com", Map.of("user", "reader:Hunter2!"))));

    assertEquals(List.of(SOURCE + "option user contains ':' (give only the user name; the password is read from"
        + " $SERVICENOW_PASSWORD or the variable named by passwordEnv)"), failure.problems());
  }
}
