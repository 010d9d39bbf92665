package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.FactKey;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

  private static final String LONG_ID = "camera-in-the-north-east-corner-of-the-loading-bay-behind-the-second-door";

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: wide, version: 0.1.0, title: Long messages}
      rules:
        - id: WIDE-RULE-WITH-A-LONG-IDENTIFIER
          title: No default password
          category: identity
          severity: critical
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
          message: "${id} still accepts the factory default password that is printed on a sticker on its case,
            so anyone who reads the manual or walks past the device can log in as its administrator"
      """;

  @Test
  void everyLineFitsAHundredColumnTerminal() throws Exception {
    String text = render(TextReport.plain());

    for (String line : text.split("\n")) {
      assertTrue(line.length() <= TextReport.WIDTH, () -> line.length() + " columns: " + line);
    }
  }

  @Test
  void wrappedMessagesKeepEveryWordAndIndentUnderTheRule() throws Exception {
    String text = render(TextReport.plain());

    assertTrue(text.contains("""
          FAIL     WIDE-RULE-WITH-A-LONG-IDENTIFIER
                   device/camera-in-the-north-east-corner-of-the-loading-bay-behind-the-second-door
                   camera-in-the-north-east-corner-of-the-loading-bay-behind-the-second-door still accepts
                   the factory default password that is printed on a sticker on its case, so anyone who
                   reads the manual or walks past the device can log in as its administrator
                   credentials.defaultPassword = true (expected equals false)
                   at sites/north/loading-bay/cameras.yaml:7:5
        """), text);
  }

  @Test
  void colourMarksOutcomesHeadingsAndTheVerdict() throws Exception {
    String text = render(TextReport.coloured());

    assertTrue(text.contains("\u001B[1mCRITICAL (1 finding)\u001B[0m"), text);
    assertTrue(text.contains("  \u001B[31m\u001B[1mFAIL    \u001B[0m WIDE-RULE"), text);
    assertTrue(text.contains("\u001B[2mat sites/north/loading-bay/cameras.yaml:7:5\u001B[0m"), text);
    assertTrue(text.contains("Gate      \u001B[31m\u001B[1mFAILED\u001B[0m: 1 FAIL or ERROR result"), text);
  }

  @Test
  void plainTextHasNoEscapeCodes() throws Exception {
    assertTrue(!render(TextReport.plain()).contains("\u001B"));
  }

  private static String render(TextReport writer) throws PackLoadException, IOException {
    Device camera = Device.builder(LONG_ID).credentials(new Credentials(true, null, null, null, null, null)).build();
    Report report = ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "wide.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build()
        .evaluate(List.of(camera));
    Evaluation evaluation = new Evaluation(
        report,
        List.of("sites/north/loading-bay/cameras.yaml"),
        Map.of(new FactKey(FactType.DEVICE, LONG_ID), new Origin("inventory", "sites/north/loading-bay/cameras.yaml", 7, 5)),
        Gate.atLeast(Severity.HIGH),
        "dev");
    StringWriter out = new StringWriter();
    writer.write(evaluation, out);
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
