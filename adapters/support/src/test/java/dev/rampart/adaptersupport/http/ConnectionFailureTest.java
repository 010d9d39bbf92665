package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

  private static final URI URI = java.net.URI.create("https://netbox.example.com:8443/api/dcim/devices/");
  private static final HttpPolicy POLICY = new HttpPolicy(3, Duration.ofSeconds(10), Duration.ofMillis(500));

  @Test
  void aHostThatDoesNotResolveIsNotTriedAgain() {
    assertEquals(new ConnectionFailure("cannot resolve the host name 'netbox.example.com'",
        "check the URL, and this machine's DNS and proxy settings", false),
        explain(new IOException(new UnknownHostException("netbox.example.com"))));
  }

  @Test
  void aFailedHandshakeSaysHowToTrustTheCertificate() {
    assertEquals(new ConnectionFailure("the TLS handshake with netbox.example.com:8443 failed",
        "check that the server's certificate is valid and trusted by this Java runtime: import its CA into the trust"
            + " store, or point javax.net.ssl.trustStore at one that has it", false),
        explain(new SSLHandshakeException("PKIX path building failed")));
  }

  @Test
  void timeoutsNameTheOptionThatSetsThem() {
    assertEquals(new ConnectionFailure("no connection to netbox.example.com:8443 within 10 s",
        "check that the server is reachable from here (firewall, proxy), or raise the option connectTimeout", true),
        explain(new HttpConnectTimeoutException("HTTP connect timed out")));
    assertEquals(new ConnectionFailure("no complete answer within 0.5 s",
        "the server is slow or the page is large: raise the option requestTimeout, or lower pageSize", true),
        explain(new HttpTimeoutException("request timed out")));
  }

  @Test
  void aRefusedOrBrokenConnectionIsTriedAgain() {
    assertEquals(new ConnectionFailure("cannot connect to netbox.example.com:8443",
        "check the URL, and that the server is running and reachable from here", true),
        explain(new ConnectException()));
    assertEquals(new ConnectionFailure("the connection to netbox.example.com:8443 broke off",
        "check the network between here and the server, and try again", true),
        explain(new IOException("Connection reset")));
  }

  private static ConnectionFailure explain(IOException failure) {
    return ConnectionFailure.of(failure, URI, POLICY);
  }
}
