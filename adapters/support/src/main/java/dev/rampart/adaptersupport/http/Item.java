package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One object of a server's answer: an entry of a list endpoint, or a record read by itself.
 *
 * @param json the object as the server sent it
 * @param collectedAt when the server answered, from the answer's {@code Date} header
 */
public record Item(JsonNode json, Instant collectedAt) {}
