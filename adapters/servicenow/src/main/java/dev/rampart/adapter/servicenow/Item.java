package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One record of a ServiceNow table.
 *
 * @param json the record as ServiceNow sent it
 * @param collectedAt when ServiceNow answered, from the answer's {@code Date} header
 */
record Item(JsonNode json, Instant collectedAt) {}
