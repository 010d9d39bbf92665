package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Instant;

/**
 * A successful answer whose body is a JSON object.
 *
 * @param json the body, always an object
 * @param headers the answer's headers, e.g. for a {@code Link} to the next page
 * @param date when the server answered, from its {@code Date} header (the local clock without one)
 */
public record JsonResponse(JsonNode json, HttpHeaders headers, Instant date) {

  /** An object of this answer, e.g. one entry of its list, dated with the answer. */
  public Item item(JsonNode object) {
    return new Item(object, date);
  }
}
