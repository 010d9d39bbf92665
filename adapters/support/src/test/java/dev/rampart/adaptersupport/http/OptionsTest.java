package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.source.SourceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final String SUBJECT = "netbox source 'https://netbox.example.com'";

  @Test
  void everyMistakeIsCollectedStartingWithTheSourceAndTheDefaultIsUsed() {
    Options options = options(Map.of("pageSize", "0", "retries", "lots", "timeout", "5", "owner", " ",
        "requestTimeout", "PT11M"));

    assertEquals(1000, options.wholeNumber("pageSize", 1000, 1, 10_000));
    assertEquals(3, options.wholeNumber("retries", 3, 1, 10));
    assertNull(options.text("owner"));
    assertEquals(Duration.ofSeconds(30), options.duration("requestTimeout", Duration.ofSeconds(30)));
    assertEquals(List.of(
        SUBJECT + ": unknown option(s) owner, timeout (the source takes the options pageSize, retries, requestTimeout,"
            + " connectTimeout)",
        SUBJECT + ": option pageSize is '0', not a whole number from 1 to 10000 (e.g. pageSize=1000)",
        SUBJECT + ": option retries is 'lots', not a whole number from 1 to 10 (e.g. retries=3)",
        SUBJECT + ": option owner is blank (leave it out for the default, or give a value)",
        SUBJECT + ": option requestTimeout is 'PT11M', not a duration from 1 second to 10 minutes (give seconds,"
            + " e.g. requestTimeout=30, or an ISO-8601 duration such as PT1M)"),
        options.problems());
  }

  @Test
  void goodValuesAreReadTrimmed() {
    Options options = options(Map.of("pageSize", " 250 ", "requestTimeout", "PT0.5S", "connectTimeout", "7"));

    assertEquals(250, options.wholeNumber("pageSize", 1000, 1, 10_000));
    assertEquals(Duration.ofMillis(500), options.duration("requestTimeout", Duration.ofSeconds(30)));
    assertEquals(Duration.ofSeconds(7), options.duration("connectTimeout", Duration.ofSeconds(10)));
    assertEquals("fallback", options.text("retries", "fallback"));
    assertEquals(List.of(), options.problems());
  }

  private static Options options(Map<String, String> given) {
    return new Options(new SourceConfig("https://netbox.example.com", given), SUBJECT,
        List.of("pageSize", "retries", "requestTimeout", "connectTimeout"));
  }
}
