package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;

/**
 * A successful answer whose body is a JSON object.
 *
 * @param uri the URL asked, query included
 * @param json the body, always an object
 * @param headers the answer's headers, e.g. for a {@code Link} to the next page
 * @param date when the server answered, from its {@code Date} header (the local clock without one)
 */
public record JsonResponse(URI uri, JsonNode json, HttpHeaders headers, Instant date) {

  /**
   * An object of this answer, dated with the answer.
   *
   * @param member where in the answer it is, e.g. {@code results[3]} or {@code result}
   */
  public Item item(JsonNode object, String member) {
    return new Item(object, date, uri, member);
  }
}
