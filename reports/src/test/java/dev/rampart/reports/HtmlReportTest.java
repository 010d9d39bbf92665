package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.value.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report as text: self-contained, escaped, complete. {@link HtmlReportBrowserTest} opens it in a browser. */
class HtmlReportTest {

  private static final String PACK = Evaluations.PACK;
  private static final String HOSTILE_PACK = Evaluations.HOSTILE_PACK;
  private static final String SITE = Evaluations.SITE;
  private static final String HOSTILE = Evaluations.HOSTILE;
  private static final Pattern DATA = Pattern.compile(
      "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);
  private static final Pattern PAGE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  @Test
  void loadsNothingFromAnywhere() throws IOException {
    for (String html : List.of(write(SITE, PACK), write(SITE, "iot-baseline"), write(HOSTILE, HOSTILE_PACK))) {
      Matcher reference = Pattern.compile("(?i)\\b(src|href|srcset|action|poster|xlink:href)\\s*=\\s*[\"']?\\s*(https?:)?//")
          .matcher(html);
      assertFalse(reference.find(), () -> "external reference: " + reference.group());
      assertFalse(html.contains("http://"), "no http:// anywhere");
      assertFalse(html.contains("https://"), "no https:// anywhere");
      assertFalse(html.contains("@import"), "no stylesheet imports");
      assertFalse(html.toLowerCase().contains("url("), "no CSS url()");
      assertTrue(html.contains("content=\"default-src 'none';"), "a policy that blocks any load");
    }
  }

  @Test
  void fillsEveryPlaceholder() throws IOException {
    String html = write(SITE, PACK);

    assertFalse(html.contains("{{"), html);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
  }

  @Test
  void summarisesCountsAndChartsInTheMarkup() throws IOException {
    String html = write(SITE, PACK);

    assertTrue(html.contains("<span class=\"value\" id=\"count-total\">12</span>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"count-PASS\">7</span>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"count-FAIL\">3</span>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"count-UNKNOWN\">2</span>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"pass-rate\">58.3%</span>"), html);
    assertTrue(html.contains("<g class=\"bar\" data-label=\"patching\" data-findings=\"3\">"), html);
    assertTrue(html.contains("<g class=\"bar\" data-label=\"critical\" data-findings=\"1\">"), html);
    assertTrue(html.contains("<g class=\"bar\" data-label=\"info\" data-findings=\"0\">"), html);
    assertTrue(html.contains("<span class=\"tag\">GATE FAILED</span>"), html);
    assertTrue(html.contains("<td class=\"mono\">cli-test</td><td class=\"mono\">1.2.0</td><td>CLI test pack</td>"), html);
  }

  @Test
  void escapesEveryTextFromFactsAndPacks() throws IOException {
    String html = write(HOSTILE, HOSTILE_PACK);

    assertFalse(html.contains("<script>alert(1)</script>"), "a fact id is never markup");
    assertFalse(html.contains("<img"), "a rule title is never markup");
    assertFalse(html.contains("<b>Hostile</b>"), "a pack title is never markup");
    assertTrue(html.contains("&lt;b&gt;Hostile&lt;/b&gt; pack &amp; friends"), html);
    assertEquals(2, count(html, "<script"), "the data block and the page's own script, nothing else");
  }

  @Test
  void embedsTheResultsAsJsonThatCannotCloseItsScriptElement() throws IOException {
    String html = write(HOSTILE, HOSTILE_PACK);
    Matcher data = DATA.matcher(html);
    assertTrue(data.find(), html);

    assertFalse(data.group(1).contains("<"), data.group(1));
    assertFalse(data.group(1).contains(">"), data.group(1));
    JsonNode json = new ObjectMapper().readTree(data.group(1));
    assertEquals("<script>alert(1)</script>", json.at("/facts/0/id").asText());
    assertEquals("device", json.at("/facts/0/type").asText());
    assertEquals(4, json.get("results").size());
  }

  @Test
  void thePolicyAllowsExactlyThePagesScript() throws Exception {
    String html = write(SITE, PACK);
    Matcher script = PAGE_SCRIPT.matcher(html);
    assertTrue(script.find());

    byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
    assertTrue(html.contains("script-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'"), html);
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    assertEquals(write(SITE, PACK), write(SITE, PACK));
  }

  @Test
  void escapeCoversMarkupAndQuotes() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
        HtmlReport.escape("<a href=\"x\" title='y'>&</a>"));
    assertEquals("{\"a\":\"\\u003c/script\\u003e \\u0026 \\u2028\"}",
        HtmlReport.scriptSafe("{\"a\":\"</script> & \u2028\"}"));
  }

  private static String write(String inventory, String pack) {
    return Evaluations.of(inventory, pack, Gate.atLeast(Severity.HIGH)).write(HtmlReport.create());
  }

  private static int count(String text, String part) {
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      at.add(i);
    }
    return at.size();
  }
}
