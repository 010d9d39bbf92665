package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the streaming parser to remember what messages need (the current element's id, where its
 * field names were written) and to refuse what the YAML parser lets through: aliases and overlong text.
 *
 * <p>Jackson's streaming YAML parser never expands an alias: it hands {@code *name} over as the
 * text "name", which would silently turn {@code owner: *team} into the owner "team". Refusing
 * aliases also makes "billion laughs" documents fail at their first alias instead of exploding.
 */
final class TrackingParser extends JsonParserDelegate {

  private @Nullable JsonStreamContext element;
  private int elementDepth;
  private @Nullable String elementId;
  // Where each field name of the current element was written, per nesting level below the element.
  // Jackson reports an unknown field of a record only when the record's object ends, so the
  // parser has moved on by then and the place has to be looked up here.
  private final List<Map<String, JsonLocation>> fieldsByLevel = new ArrayList<>();
  private int levelsUsed;

  TrackingParser(JsonParser parser) {
    super(parser);
  }

  /** Marks the object under the parser as the current element, whose {@code id} is remembered. */
  void startElement() {
    element = delegate.getParsingContext();
    elementDepth = element.getNestingDepth();
    elementId = null;
    for (int level = 0; level < levelsUsed; level++) {
      fieldsByLevel.get(level).clear();
    }
    levelsUsed = 0;
  }

  /** The current element's id, once the parser has passed it (while binding or while skipping). */
  @Nullable String elementId() {
    return elementId;
  }

  /**
   * Where a field name of the current element was last written.
   *
   * @param level 0 for the element's own fields, 1 for fields of an object (or list) directly under it, and so on
   */
  @Nullable Position fieldPosition(int level, String name) {
    return level < levelsUsed ? Position.of(fieldsByLevel.get(level).get(name)) : null;
  }

  /** Reads on until the parser is back in the given container, past whatever element failed to bind. */
  void skipUntilBackIn(JsonStreamContext container) throws IOException {
    while (delegate.getParsingContext() != container) {
      if (nextToken() == null) {
        return;
      }
    }
  }

  @Override
  public @Nullable JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.FIELD_NAME) {
      checkCharacters(delegate.currentName());
      rememberField();
    } else if (token == JsonToken.VALUE_STRING) {
      if (delegate instanceof YAMLParser yaml) {
        checkYamlScalar(yaml);
      }
      checkCharacters(delegate.getText());
      if (element != null && delegate.getParsingContext() == element && "id".equals(delegate.currentName())) {
        elementId = delegate.getText();
      }
    }
    return token;
  }

  // The delegate's own versions would bypass nextToken() and with it the alias check.
  @Override
  public @Nullable JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken token = currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      token = nextToken();
      if (token == null) {
        return this;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  private void checkYamlScalar(YAMLParser yaml) throws IOException {
    if (yaml.isCurrentAlias()) {
      throw new YamlAliasException(this, yaml.getText());
    }
    // The YAML parser does not apply the string length constraint itself; the message is worded
    // like Jackson's own so that both syntaxes are reported alike.
    int length = yaml.getTextLength();
    if (length > InventoryFormat.MAX_STRING_LENGTH) {
      throw new StreamConstraintsException(String.format("String value length (%d) exceeds the maximum allowed (%d)",
          length, InventoryFormat.MAX_STRING_LENGTH), yaml.currentTokenLocation());
    }
  }

  // An escape such as \\uD800 can write half a surrogate pair in JSON and in YAML; it is no character at all.
  private void checkCharacters(@Nullable String text) throws IOException {
    char surrogate = text == null ? 0 : UnpairedSurrogateException.find(text);
    if (surrogate != 0) {
      throw new UnpairedSurrogateException(this, surrogate);
    }
  }

  private void rememberField() throws IOException {
    if (element == null) {
      return;
    }
    int level = delegate.getParsingContext().getNestingDepth() - elementDepth;
    if (level < 0) {
      return;
    }
    while (fieldsByLevel.size() <= level) {
      fieldsByLevel.add(new HashMap<>());
    }
    fieldsByLevel.get(level).put(delegate.currentName(), delegate.currentTokenLocation());
    levelsUsed = Math.max(levelsUsed, level + 1);
  }
}
