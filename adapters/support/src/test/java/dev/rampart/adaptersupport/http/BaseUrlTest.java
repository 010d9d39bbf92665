package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.source.SourceConfig;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

  private static final String EXAMPLE = "https://netbox.example.com";

  @Test
  void aServerUrlLosesItsTrailingSlashesAndKeepsItsPath() {
    BaseUrl base = parse(" https://netbox.example.com/netbox// ");

    assertEquals("https://netbox.example.com/netbox", base.toString());
    assertEquals("/netbox", base.path());
    assertEquals(URI.create("https://netbox.example.com/netbox/api/dcim/devices/?limit=2"),
        base.resolve("/api/dcim/devices/?limit=2"));
  }

  @Test
  void eachMistakeInALocationSaysWhatToGiveInstead() {
    assertEquals(List.of("test source: not an http or https URL (give the server's URL, e.g. https://netbox.example.com)"),
        problems("ftp://netbox.example.com"));
    assertEquals(List.of("test source: the URL holds a user name or password (remove it: credentials are read only"
        + " from environment variables or files named by the source's options)"), problems("https://me:pw@netbox.example.com"));
    assertEquals(List.of("test source: the URL names no host (give the server's URL, e.g. https://netbox.example.com)"),
        problems("https:///api"));
    assertEquals(List.of("test source: the URL has a query or fragment (give only the server's URL, e.g."
        + " https://netbox.example.com)"), problems("https://netbox.example.com/?token=x"));
    assertEquals(List.of("test source: not a URL: Illegal character in authority (give the server's URL, e.g."
        + " https://netbox.example.com)"), problems("https://net box.example.com"));
  }

  @Test
  void aLocationIsShownWithoutWhatMayHoldSecrets() {
    assertEquals("https://netbox.example.com/base", BaseUrl.display("https://me:s3cret@netbox.example.com/base?token=s3cret#s3cret"));
    assertEquals("not a url", BaseUrl.display(" not a url "));
  }

  @Test
  void aLinkIsOnTheSameServerOnlyWithTheSameSchemeHostAndPort() {
    BaseUrl base = parse("https://NetBox.example.com");

    assertTrue(base.sameServer(URI.create("https://netbox.example.com:443/api/?offset=2")));
    assertFalse(base.sameServer(URI.create("http://netbox.example.com/api/")));
    assertFalse(base.sameServer(URI.create("https://netbox.example.com:8443/api/")));
    assertFalse(base.sameServer(URI.create("https://localhost/api/")));
    assertFalse(base.sameServer(URI.create("https://me@netbox.example.com/api/")));
  }

  private static BaseUrl parse(String location) {
    Options options = options();
    BaseUrl base = BaseUrl.parse(location, options, EXAMPLE);
    assertEquals(List.of(), options.problems());
    return base;
  }

  private static List<String> problems(String location) {
    Options options = options();
    assertNull(BaseUrl.parse(location, options, EXAMPLE));
    return options.problems();
  }

  private static Options options() {
    return new Options(SourceConfig.of("x"), "test source", List.of());
  }
}
