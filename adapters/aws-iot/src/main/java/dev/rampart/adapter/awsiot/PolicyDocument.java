package dev.rampart.adapter.awsiot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a policy document (AWS IoT's, or IAM's, which has the same grammar) allows and denies: the
 * actions and resources of its {@code Allow} statements and of its {@code Deny} statements, as
 * written. Wildcards stay as written, IAM's ({@code iot:*}, {@code *}) and MQTT's ({@code #} and
 * {@code +} in a topic filter), and so do policy variables: whether one is too broad is the rule
 * pack's decision, not this class's.
 *
 * <p>The lists err on the safe side for a rule that looks for too much access. The allowed lists are
 * what the policy grants at most: conditions are not evaluated and Deny statements are not
 * subtracted from them. The denied lists are what it denies at least: a Deny with a
 * {@code Condition} (which may not apply) or with {@code NotAction} or {@code NotResource} (which
 * denies everything but some, which a list cannot say) is left out of them.
 *
 * @param allowedActions actions of the Allow statements, e.g. {@code iot:Publish}; {@code *} for a
 *     statement that allows everything but its {@code NotAction}
 * @param allowedResources resources of the Allow statements; {@code *} for a statement that allows
 *     everything but its {@code NotResource}
 * @param deniedActions actions of the unconditional Deny statements
 * @param deniedResources resources of the unconditional Deny statements
 */
record PolicyDocument(
    List<String> allowedActions, List<String> allowedResources, List<String> deniedActions,
    List<String> deniedResources) {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String EVERYTHING = "*";

  PolicyDocument {
    allowedActions = List.copyOf(allowedActions);
    allowedResources = List.copyOf(allowedResources);
    deniedActions = List.copyOf(deniedActions);
    deniedResources = List.copyOf(deniedResources);
  }

  /** A document with Allow statements only. */
  static PolicyDocument allowing(List<String> actions, List<String> resources) {
    return new PolicyDocument(actions, resources, List.of(), List.of());
  }

  /**
   * Reads a policy document as IAM and AWS IoT write it: {@code Statement} is one object or a list,
   * and {@code Action} and {@code Resource} are one string or a list.
   */
  static PolicyDocument parse(String document) throws InvalidPolicyException {
    Object root = read(document);
    if (!(root instanceof Map<?, ?> policy)) {
      throw new InvalidPolicyException("the policy document is not a JSON object");
    }
    Object statement = policy.get("Statement");
    if (statement == null) {
      throw new InvalidPolicyException("the policy document has no Statement");
    }
    List<?> statements = statement instanceof List<?> list ? list : List.of(statement);
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> deniedActions = new LinkedHashSet<>();
    Set<String> deniedResources = new LinkedHashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      if (!(statements.get(i) instanceof Map<?, ?> entry)) {
        throw new InvalidPolicyException("Statement[" + i + "] is not an object");
      }
      Object effect = entry.get("Effect");
      if ("Allow".equals(effect)) {
        actions.addAll(strings(entry, "Action", i));
        resources.addAll(strings(entry, "Resource", i));
        if (entry.containsKey("NotAction")) {
          actions.add(EVERYTHING);
        }
        if (entry.containsKey("NotResource")) {
          resources.add(EVERYTHING);
        }
      } else if ("Deny".equals(effect)) {
        // Checked like an Allow, so that a malformed Deny is refused rather than skipped.
        List<String> denied = strings(entry, "Action", i);
        List<String> on = strings(entry, "Resource", i);
        if (!entry.containsKey("Condition") && !entry.containsKey("NotAction") && !entry.containsKey("NotResource")) {
          deniedActions.addAll(denied);
          deniedResources.addAll(on);
        }
      } else {
        throw new InvalidPolicyException("Statement[" + i + "].Effect is " + (effect == null ? "missing"
            : "'" + effect + "'") + " (a statement's Effect is Allow or Deny)");
      }
    }
    return new PolicyDocument(List.copyOf(actions), List.copyOf(resources), List.copyOf(deniedActions),
        List.copyOf(deniedResources));
  }

  private static List<String> strings(Map<?, ?> statement, String key, int index) throws InvalidPolicyException {
    Object value = statement.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return List.of(text);
    }
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!(element instanceof String text)) {
          throw new InvalidPolicyException("Statement[" + index + "]." + key + " holds a value that is not text");
        }
        strings.add(text);
      }
      return strings;
    }
    throw new InvalidPolicyException("Statement[" + index + "]." + key + " is neither text nor a list of text");
  }

  private static @Nullable Object read(String document) throws InvalidPolicyException {
    try (JsonParser parser = JSON.createParser(document)) {
      parser.nextToken();
      Object value = value(parser);
      if (parser.nextToken() != null) {
        throw new InvalidPolicyException("the policy document has text after its end at " + where(parser));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException("the policy document is not valid JSON at "
          + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPolicyException("the policy document cannot be read: " + e.getMessage());
    }
  }

  private static @Nullable Object value(JsonParser parser) throws IOException, InvalidPolicyException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new InvalidPolicyException("the policy document is empty");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, value(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        List<@Nullable Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new InvalidPolicyException("unexpected " + token + " at " + where(parser));
    }
  }

  private static String where(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr() + ":" + parser.currentTokenLocation().getColumnNr();
  }

  /** The document is not a policy this class can read; the message says where and why. */
  static final class InvalidPolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPolicyException(String message) {
      super(message);
    }
  }
}
