package dev.rampart.adaptersupport.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why no answer came, in plain words.
 *
 * @param what what went wrong
 * @param fix what to check
 * @param retry whether trying again may help
 */
record ConnectionFailure(String what, String fix, boolean retry) {

  /** Explains an exception of {@link java.net.http.HttpClient#send}. */
  static ConnectionFailure of(IOException failure, URI uri, HttpPolicy policy) {
    String server = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    // The most telling cause may be nested below generic ones, so look through the whole chain for each.
    if (causedBy(failure, UnresolvedAddressException.class) || causedBy(failure, UnknownHostException.class)) {
      return new ConnectionFailure("cannot resolve the host name '" + uri.getHost() + "'",
          "check the URL, and this machine's DNS and proxy settings", false);
    }
    if (causedBy(failure, SSLException.class)) {
      return new ConnectionFailure("the TLS handshake with " + server + " failed",
          "check that the server's certificate is valid and trusted by this Java runtime:"
              + " import its CA into the trust store, or point javax.net.ssl.trustStore at one that has it",
          false);
    }
    if (causedBy(failure, HttpConnectTimeoutException.class)) {
      return new ConnectionFailure("no connection to " + server + " within " + seconds(policy.connectTimeout().toMillis()),
          "check that the server is reachable from here (firewall, proxy), or raise the option " + HttpPolicy.CONNECT_TIMEOUT,
          true);
    }
    if (causedBy(failure, HttpTimeoutException.class)) {
      return new ConnectionFailure("no complete answer within " + seconds(policy.requestTimeout().toMillis()),
          "the server is slow or the page is large: raise the option " + HttpPolicy.REQUEST_TIMEOUT + ", or lower "
              + JsonClient.PAGE_SIZE,
          true);
    }
    if (causedBy(failure, ConnectException.class)) {
      return new ConnectionFailure("cannot connect to " + server,
          "check the URL, and that the server is running and reachable from here", true);
    }
    return new ConnectionFailure("the connection to " + server + " broke off",
        "check the network between here and the server, and try again", true);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }
}
