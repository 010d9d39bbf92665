package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One object of a server's answer: an entry of a list endpoint, or a record read by itself.
 *
 * @param json the object as the server sent it
 * @param collectedAt when the server answered, from the answer's {@code Date} header
 * @param answer the URL whose answer held the object, query included (it names the page, never a secret)
 * @param member where in that answer the object is, e.g. {@code results[3]} or {@code result}
 */
public record Item(JsonNode json, Instant collectedAt, URI answer, String member) {

  public Item {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(member, "member");
  }

  /**
   * Where the object is, for a problem with it: the answer's URL without credentials and the
   * object's place in it, e.g. {@code https://netbox.example.com/api/dcim/devices/?limit=50&offset=100: results[3]}.
   */
  public String place() {
    String query = answer.getRawQuery() == null ? "" : "?" + answer.getRawQuery();
    return BaseUrl.display(answer.toString()) + query + ": " + member;
  }
}
