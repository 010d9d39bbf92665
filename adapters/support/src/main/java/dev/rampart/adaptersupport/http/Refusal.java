package dev.rampart.adaptersupport.http;

/**
 * What a user should check when a server refuses a request for good: a redirect, or a 4xx status
 * other than 429. The message before it, built by {@link JsonClient}, already names the URL and
 * the status, with the server's own explanation or the redirect's target.
 */
@FunctionalInterface
public interface Refusal {

  /**
   * The fix for this status, e.g. {@code check that the token in $NETBOX_TOKEN is valid} for a 401.
   *
   * @param status from 300 to 499, never 429
   */
  String fix(int status);
}
