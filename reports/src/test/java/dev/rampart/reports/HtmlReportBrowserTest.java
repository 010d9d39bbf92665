package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in headless Chromium: the page's script builds the results table and the per-fact
 * sections, the filters work, text from facts and packs stays text, and the page renders.
 *
 * <p>Needs the {@code chromium} executable; see {@link HeadlessChromium} for what happens without it.
 */
class HtmlReportBrowserTest {

  private static final String PACK = Evaluations.PACK;
  private static final String HOSTILE_PACK = Evaluations.HOSTILE_PACK;
  private static final String SITE = Evaluations.SITE;
  private static final String HOSTILE = Evaluations.HOSTILE;
  private static final Pattern ROW = Pattern.compile("<tr class=\"result-row\" data-outcome=\"(\\w+)\""
      + " data-severity=\"(\\w+)\" data-rule=\"([^\"]*)\" data-fact=\"([^\"]*)\">");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @TempDir Path dir;

  private HeadlessChromium chromium;

  @BeforeEach
  void findChromium() {
    chromium = HeadlessChromium.installed(dir);
  }

  @Test
  void showsTheSummaryAndTheFindingsTableBuiltByItsScript() throws Exception {
    String dom = chromium.dumpDom(report(SITE, PACK), "");

    assertTrue(dom.contains("<html lang=\"en\" data-ready=\"true\">"), "the page's script ran to the end");
    assertTrue(dom.contains("<span class=\"value\" id=\"count-FAIL\">3</span>"), dom);
    assertTrue(dom.contains("<span class=\"value\" id=\"count-UNKNOWN\">2</span>"), dom);
    assertTrue(dom.contains("<span class=\"value\" id=\"pass-rate\">58.3%</span>"), dom);
    assertTrue(dom.contains("id=\"result-count\" aria-live=\"polite\">Showing 5 of 12 results</span>"), dom);
    assertEquals(List.of(
            "FAIL critical TST-001 device/cam-01",
            "FAIL high TST-002 device/cam-02",
            "UNKNOWN high TST-002 device/cam-03",
            "UNKNOWN medium TST-004 device/cam-03",
            "FAIL low TST-003 device/cam-02"),
        rows(dom), "findings only, most severe first");
    assertEquals(5, count(dom, "<details class=\"fact\""), "a section per fact: 3 devices, 1 network, 1 vendor");
    assertTrue(dom.contains("<span class=\"fact-name mono\">device/cam-02</span><span class=\"pills\">"
        + "<span class=\"badge outcome-FAIL\">2 FAIL</span><span class=\"badge outcome-PASS\">2 PASS</span></span>"), dom);
    assertTrue(dom.contains("<b>Remediation: </b>Install vendor-signed firmware."), dom);
  }

  @Test
  void filtersAndSortsFromTheAddress() throws Exception {
    Path page = report(SITE, PACK);

    assertEquals(12, rows(chromium.dumpDom(page, "#outcome=all")).size());
    assertEquals(List.of("FAIL high TST-002 device/cam-02", "FAIL low TST-003 device/cam-02"),
        rows(chromium.dumpDom(page, "#q=cam-02")));
    assertEquals(List.of("PASS critical TST-001 device/cam-02", "PASS critical TST-001 device/cam-03"),
        rows(chromium.dumpDom(page, "#outcome=PASS&severity=critical")));
    List<String> byFactDescending = rows(chromium.dumpDom(page, "#sort=fact:desc"));
    assertEquals(List.of(
            "UNKNOWN high TST-002 device/cam-03",
            "UNKNOWN medium TST-004 device/cam-03",
            "FAIL high TST-002 device/cam-02",
            "FAIL low TST-003 device/cam-02",
            "FAIL critical TST-001 device/cam-01"),
        byFactDescending);
    String none = chromium.dumpDom(page, "#q=no-such-device");
    assertTrue(none.contains("No result matches the filter."), none);
    assertTrue(none.contains("<th scope=\"col\" data-sort=\"fact\" aria-sort=\"none\">"), none);
  }

  @Test
  void textFromFactsAndPacksIsShownAsText() throws Exception {
    String dom = chromium.dumpDom(report(HOSTILE, HOSTILE_PACK), "#outcome=all");

    assertTrue(dom.contains("data-ready=\"true\""), "the page's script ran despite hostile data");
    assertFalse(Pattern.compile("<[a-z]+[^>]* data-pwned=").matcher(dom).find(), "no injected script or handler ran");
    assertFalse(dom.contains("<img"), "no injected element");
    assertFalse(dom.contains("<script>alert(1)</script>"), "no injected script element");
    assertTrue(dom.contains("<a class=\"fact-link mono\" role=\"button\" tabindex=\"0\">"
        + "device/&lt;script&gt;alert(1)&lt;/script&gt;</a>"), dom);
    assertTrue(dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','title')\"&gt;"
        + " No default password"), dom);
    assertEquals(4, rows(dom).size());
  }

  @Test
  void aWaiverNotAppliedIsShownUnderItsFindingAsText() throws Exception {
    Evaluations.Run run = Evaluations.waiverTrust("inventory-only.yaml");
    Path report = Files.writeString(dir.resolve("trust.html"), run.write(HtmlReport.create()));
    assertTrue(run.evaluation().gate().failed(run.evaluation().report()), "the FAIL still fails the gate");

    String dom = chromium.dumpDom(report, "");

    assertTrue(dom.contains("<p class=\"waiver-not-applied\"><b>Waiver at"
        + " src/test/resources/waivers/trust/inventory-only.yaml:5:5 not applied: </b>attributes.env came from"
        + " azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3, which this waiver does not trust (add"
        + " azure-iot-hub to its trustedSources)</p>"), dom);
  }

  @Test
  void rendersAScreenshot() throws Exception {
    Path png = dir.resolve("report.png");

    chromium.screenshot(report(SITE, PACK), png, 1280, 2000);

    assertTrue(Files.isRegularFile(png), "Chromium wrote " + png);
    byte[] image = Files.readAllBytes(png);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, PNG_SIGNATURE.length));
    ByteBuffer header = ByteBuffer.wrap(image, 16, 8);
    assertEquals(1280, header.getInt(), "width");
    assertEquals(2000, header.getInt(), "height");
    // a blank or error page compresses to a few kilobytes; the report has text, colour and charts
    assertTrue(image.length > 60_000, () -> image.length + " bytes");
  }

  private Path report(String inventory, String pack) throws IOException {
    Path report = Files.createTempFile(dir, "report-", ".html");
    return Files.writeString(report, Evaluations.of(inventory, pack).write(HtmlReport.create()));
  }

  // Each row built by the script, as "OUTCOME severity rule fact".
  private static List<String> rows(String dom) {
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(dom);
    while (row.find()) {
      rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " " + unescape(row.group(4)));
    }
    return rows;
  }

  private static String unescape(String attribute) {
    return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
