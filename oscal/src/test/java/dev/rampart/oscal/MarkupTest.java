package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text from packs and inventories stays text in OSCAL's Markdown, and property values stay one trimmed line. */
class MarkupTest {

  @Test
  void markdownAndHtmlAreEscaped() {
    assertEquals("\\<script\\>alert(1)\\</script\\> tls\\_versions\\[0\\] \\*bold\\* \\`code\\` \\# \\| \\~ \\\\",
        Markup.text("<script>alert(1)</script> tls_versions[0] *bold* `code` # | ~ \\"));
  }

  @Test
  void aTitleIsOneLine() {
    assertEquals("cam \"quoted\" bell", Markup.line("cam \"quoted\"\n\u0001bell "));
  }

  @Test
  void aPropertyValueIsOneTrimmedLineAsItIs() {
    assertEquals("a_b <c> d", Markup.oneLine("  a_b\t<c>\r\n d "));
  }

  @Test
  void descriptionsKeepTheirLineBreaks() {
    assertEquals("first\n\nsecond", Markup.text(" first\n\nsecond\n"));
  }
}
