package dev.rampart.adaptersupport.http;

/**
 * What every web API source's settings hold, checked before any request: the server, the
 * credential and the timeouts; each adapter's settings add what only it reads.
 */
public interface WebApiSettings {

  /** The server's base URL, as the user gave it. */
  BaseUrl base();

  /** Timeouts and retries. */
  HttpPolicy http();

  /** The value of the {@code Authorization} header each request carries, e.g. {@code Bearer …}. */
  String authorization();

  /** The text with every secret of these settings scrubbed out, including what the server sends back. */
  String redact(String text);
}
