package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One object of a NetBox list endpoint.
 *
 * @param json the object as NetBox sent it
 * @param collectedAt when NetBox answered, from the answer's {@code Date} header
 */
record Item(JsonNode json, Instant collectedAt) {}
