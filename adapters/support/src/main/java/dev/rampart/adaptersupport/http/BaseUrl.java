package dev.rampart.adaptersupport.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server a source is configured for: scheme, host, port and an optional path prefix. Requests
 * carry a credential, so a link is followed only when it stays on this server.
 */
public final class BaseUrl {

  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  private final URI uri;

  private BaseUrl(URI uri) {
    this.uri = uri;
  }

  /**
   * Parses a location given by a user, adding a problem to {@code options} when it is not a plain
   * http(s) URL of a server.
   *
   * @param example a correct location, for messages
   * @return the base URL, or {@code null} after adding a problem
   */
  public static @Nullable BaseUrl parse(String location, Options options, String example) {
    URI uri;
    try {
      uri = new URI(location.strip());
    } catch (URISyntaxException e) {
      options.add("not a URL: " + e.getReason() + " (give the server's URL, e.g. " + example + ")");
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      options.add("not an http or https URL (give the server's URL, e.g. " + example + ")");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      options.add("the URL holds a user name or password (remove it: credentials are read only from"
          + " environment variables or files named by the source's options)");
      return null;
    }
    if (uri.getHost() == null) {
      options.add("the URL names no host (give the server's URL, e.g. " + example + ")");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      options.add("the URL has a query or fragment (give only the server's URL, e.g. " + example + ")");
      return null;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return new BaseUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
  }

  /**
   * A location as it may appear in messages: without user name, password, query or fragment,
   * which may hold secrets.
   */
  public static String display(String location) {
    String shown = USER_INFO.matcher(location.strip()).replaceFirst("$1");
    int end = shown.length();
    for (char cut : new char[] {'?', '#'}) {
      int at = shown.indexOf(cut);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return shown.substring(0, end);
  }

  /** The path prefix after the host, without a trailing slash; empty for a server at the root. */
  public String path() {
    return uri.getRawPath() == null ? "" : uri.getRawPath();
  }

  /** This base URL followed by a path (starting with {@code /}) and query. */
  public URI resolve(String pathAndQuery) {
    return URI.create(uri + pathAndQuery);
  }

  /** Whether a link points to this server: same scheme, host and port, and no user name or password. */
  public boolean sameServer(URI link) {
    return link.getScheme() != null && link.getScheme().equalsIgnoreCase(uri.getScheme())
        && link.getHost() != null && link.getHost().equalsIgnoreCase(uri.getHost())
        && port(link) == port(uri)
        && link.getRawUserInfo() == null;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
