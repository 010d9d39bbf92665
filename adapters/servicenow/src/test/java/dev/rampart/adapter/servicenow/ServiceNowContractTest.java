package dev.rampart.adapter.servicenow;

import static dev.rampart.adapter.servicenow.RecordedServiceNow.PASSWORD;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.USER;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.recorded;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The ServiceNow source meets the contract of every fact source, against a recorded instance on 127.0.0.1. */
class ServiceNowContractTest extends FactSourceContract {

  @AutoClose
  private final RecordedServer instance = RecordedServiceNow.start();

  @Override
  protected FactSourceProvider provider() {
    Map<String, String> environment = Map.of("SERVICENOW_PASSWORD", PASSWORD, "SN_OLD_PASSWORD", "Winter2024!");
    return new ServiceNowProvider(environment::get, duration -> {}, Clock.systemUTC());
  }

  @Override
  protected SourceConfig validSource() {
    return config("");
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    String failing = "{\"error\":{\"message\":\"Transaction cancelled: maximum execution time exceeded\"},\"status\":\"failure\"}";
    instance.answer("failing", "cmdb_ci_hardware#0", Reply.json(503, failing), Reply.json(503, failing), Reply.json(503, failing))
        .answer("cut-off", "cmdb_ci_hardware#2", recorded("cmdb_ci_hardware-2-truncated.json"))
        .answer("proxied", "cmdb_ci_hardware#0", recorded("cmdb_ci_hardware-0.json").with("Link",
            "<http://instance.internal:8080/api/now/table/cmdb_ci_hardware?sysparm_offset=2>;rel=\"next\""))
        .answer("hibernating", "cmdb_ci_hardware#0", new Reply(200, "text/html", Map.of(), "<html>Your instance is hibernating</html>"))
        .answer("no-table", "cmdb_ci_hardware#0", Reply.json(400,
            "{\"error\":{\"message\":\"Invalid table cmdb_ci_hardware\",\"detail\":null},\"status\":\"failure\"}"));
    return List.of(
        new MalformedInput("401 for a wrong password",
            new SourceConfig(instance.url(""), Map.of("user", USER, "passwordEnv", "SN_OLD_PASSWORD")),
            "HTTP 401 Unauthorized: \"User Not Authenticated\" (check the user 'rampart.reader' and the password in $SN_OLD_PASSWORD)"),
        new MalformedInput("503 on every attempt", config("failing"), "HTTP 503 Service Unavailable, 3 attempts in all"),
        new MalformedInput("a page cut off", config("cut-off"), "the answer ends in the middle of the JSON at line 19"),
        new MalformedInput("a next link to another server", config("proxied"),
            "the next page is at 'http://instance.internal:8080/api/now/table/cmdb_ci_hardware', which is not on"),
        new MalformedInput("a hibernating developer instance", config("hibernating"), "the answer is 'text/html', not JSON"),
        new MalformedInput("a table the instance does not have", config("no-table"),
            "HTTP 400 Bad Request: \"Invalid table cmdb_ci_hardware\" (check the options tables and query)"),
        new MalformedInput("an unreachable instance", new SourceConfig("http://127.0.0.1:1", Map.of("user", USER)),
            "cannot connect to 127.0.0.1:1"),
        new MalformedInput("no credentials", SourceConfig.of(instance.url("")), "no credentials (give the option user=NAME"),
        new MalformedInput("no password", new SourceConfig(instance.url(""), Map.of("user", USER, "passwordEnv", "RAMPART_UNSET")),
            "$RAMPART_UNSET is not set"));
  }

  private SourceConfig config(String scenario) {
    return new SourceConfig(instance.url(scenario), Map.of("user", USER, "pageSize", "2"));
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    instance.answer("not-records", "cmdb_ci_hardware#0", Reply.json(200, "{\"result\": [\"cam-lobby-01\", 42, null]}"))
        .answer("no-sys-ids", "cmdb_ci_hardware#0", Reply.json(200, "{\"result\": [{\"name\": \"cam-lobby-01\"}]}"))
        .answer("custom-codes", "cmdb_ci_hardware#0", Reply.json(200,
            "{\"result\": [{\"sys_id\": \"3e0270490087f542756edd2044af8a2f\", \"install_status\": \"101\"}]}"));
    return List.of(
        new NonEmptyInput("a page of records that are not objects", config("not-records")),
        new NonEmptyInput("CIs without a sys_id", config("no-sys-ids")),
        new NonEmptyInput("a CI whose install_status nobody mapped", config("custom-codes")));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    // each is read twice: in part, then strictly
    instance.answer("bad-values", "cmdb_ci_hardware#0", recorded("cmdb_ci_hardware-0-bad-values.json"),
        recorded("cmdb_ci_hardware-0-bad-values.json"));
    Reply customCode = Reply.json(200, """
        {"result": [
          {"sys_id": "3e0270490087f542756edd2044af8a2f", "name": "printer-2f", "install_status": "1"},
          {"sys_id": "deef3ecfeb7f4c60fef95ac588e18e52", "name": "valve-7", "install_status": "101"}]}""");
    instance.answer("custom-code", "cmdb_ci_hardware#0", customCode, customCode);
    return List.of(
        new PartlyBadInput("an IP address that is none", config("bad-values"),
            "/api/now/table/cmdb_ci_hardware (sysparm_offset 0): result[0] (sys_id '3e0270490087f542756edd2044af8a2f',"
                + " name 'printer-2f'): ipAddresses[0] '10.40.0.300' is not an IP address"),
        new PartlyBadInput("an install_status nobody mapped", config("custom-code"),
            "result[1] (sys_id 'deef3ecfeb7f4c60fef95ac588e18e52', name 'valve-7'): install_status '101' is none of"
                + " ServiceNow's codes (map it with the source option installStatusMap"));
  }
}
