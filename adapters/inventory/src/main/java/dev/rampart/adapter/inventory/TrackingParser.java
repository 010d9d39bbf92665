package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the streaming parser to remember what messages need (the current element's id, where its
 * field names were written) and to refuse what the parsers let through: YAML aliases, overlong YAML
 * text, unpaired surrogates, and keys written twice in one object. Text values that repeat are
 * handed out as one instance (see {@link SharedValues}).
 *
 * <p>Jackson's streaming YAML parser never expands an alias: it hands {@code *name} over as the
 * text "name", which would silently turn {@code owner: *team} into the owner "team". Refusing
 * aliases also makes "billion laughs" documents fail at their first alias instead of exploding.
 */
final class TrackingParser extends JsonParserDelegate {

  // Room for every field name of the model, so that two names rarely take turns in one slot.
  private static final int CHECKED_NAMES_BITS = 12;
  private static final int CHECKED_NAMES = 1 << CHECKED_NAMES_BITS;

  private final SharedValues shared;
  // Where the parsed text starts in the file, when the parser reads one slice of it: added to every
  // position the parser reports, so that messages name the file's own lines and columns.
  private final int firstLine;
  private final int firstColumn;
  private final long firstByte;
  private final ObjectKeys keys = new ObjectKeys();
  private final String[] checkedNames = new String[CHECKED_NAMES];
  private @Nullable JsonStreamContext element;
  private int elementDepth;
  private @Nullable String elementId;
  // Where each field name of the current element was written, per nesting level below the element.
  // Jackson reports an unknown field of a record only when the record's object ends, so the
  // parser has moved on by then and the place has to be looked up here.
  private FieldPlaces[] fieldsByLevel = new FieldPlaces[0];
  private int levelsUsed;
  // The field names of the records being read, by the nesting depth of their fields.
  private @Nullable FieldNames[] knownByDepth = new FieldNames[0];
  // The current string value, as handed out by getText(); null when the current token is no string.
  private @Nullable String text;

  TrackingParser(JsonParser parser) {
    this(parser, new SharedValues(), new TextPosition(1, 1), 0);
  }

  /**
   * A parser of a slice of the file that starts at {@code start} (byte {@code startByte}), sharing
   * values with the other slices this thread reads.
   */
  TrackingParser(JsonParser parser, SharedValues shared, TextPosition start, long startByte) {
    super(parser);
    this.shared = shared;
    this.firstLine = start.line();
    this.firstColumn = start.column();
    this.firstByte = startByte;
  }

  /** Marks the object under the parser as the current element, whose {@code id} is remembered. */
  void startElement() {
    element = delegate.getParsingContext();
    elementDepth = element.getNestingDepth();
    elementId = null;
    for (int level = 0; level < levelsUsed; level++) {
      fieldsByLevel[level].clear();
    }
    levelsUsed = 0;
  }

  /** The current element's id, once the parser has passed it (while binding or while skipping). */
  @Nullable String elementId() {
    return elementId;
  }

  /**
   * Where a field name of the current element was last written: a name that the record it was
   * written in does not know (see {@link #knowFields}), or any name outside such records.
   *
   * @param level 0 for the element's own fields, 1 for fields of an object (or list) directly under it, and so on
   */
  @Nullable TextPosition fieldPosition(int level, String name) {
    return level >= 0 && level < levelsUsed ? fieldsByLevel[level].find(name) : null;
  }

  /**
   * Tells the parser the field names of the record whose object starts at the current token: while
   * it is read, the places of those names are not kept, as no problem is reported at them. An unknown
   * field is reported where it was written, but only once its object has ended.
   *
   * @return the nesting depth of the record's fields, for {@link #forgetFields}
   */
  int knowFields(FieldNames names) {
    int depth = delegate.getParsingContext().getNestingDepth();
    if (depth >= knownByDepth.length) {
      knownByDepth = Arrays.copyOf(knownByDepth, Math.max(depth + 1, knownByDepth.length * 2));
    }
    knownByDepth[depth] = names;
    return depth;
  }

  /** The record read at this nesting depth has ended. */
  void forgetFields(int depth) {
    knownByDepth[depth] = null;
  }

  /** The values shared across the elements of this read. */
  SharedValues sharedValues() {
    return shared;
  }

  /**
   * Passes over the object or list under the parser with the delegate's own skipping, which neither
   * decodes its texts nor checks them: whoever binds its bytes later does.
   */
  void skipUnchecked() throws IOException {
    text = null;
    delegate.skipChildren();
  }

  /** Where in the file the current token starts, in bytes. */
  long tokenByteOffset() {
    return currentTokenLocation().getByteOffset();
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
  public JsonLocation currentLocation() {
    return inFile(delegate.currentLocation());
  }

  @Override
  public JsonLocation currentTokenLocation() {
    return inFile(delegate.currentTokenLocation());
  }

  @Deprecated
  @Override
  public JsonLocation getCurrentLocation() {
    return inFile(delegate.currentLocation());
  }

  @Deprecated
  @Override
  public JsonLocation getTokenLocation() {
    return inFile(delegate.currentTokenLocation());
  }

  @Override
  public @Nullable JsonToken nextToken() throws IOException {
    text = null;
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.FIELD_NAME) {
      String name = delegate.currentName();
      int depth = delegate.getParsingContext().getNestingDepth();
      if (!keys.add(depth, name)) {
        throw new DuplicateKeyException(this, name);
      }
      checkName(name);
      if (element != null) {
        rememberField(name, depth);
      }
    } else if (token == JsonToken.START_OBJECT) {
      keys.startObject(delegate.getParsingContext().getNestingDepth());
    } else if (token == JsonToken.VALUE_STRING) {
      if (delegate instanceof YAMLParser yaml) {
        checkYamlScalar(yaml);
      }
      String value = readText();
      text = value;
      if (element != null && delegate.getParsingContext() == element && "id".equals(delegate.currentName())) {
        elementId = value;
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
  public @Nullable String getText() throws IOException {
    String value = text;
    return value != null && delegate.hasToken(JsonToken.VALUE_STRING) ? value : delegate.getText();
  }

  @Override
  public @Nullable String getValueAsString() throws IOException {
    String value = text;
    return value != null && delegate.hasToken(JsonToken.VALUE_STRING) ? value : delegate.getValueAsString();
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

  /**
   * The current string value, checked. A short one that was read before is looked up by its
   * characters, so that no new String is made for it; a text is held only once it is checked.
   */
  private String readText() throws IOException {
    if (delegate.hasTextCharacters()) {
      int length = delegate.getTextLength();
      if (length <= SharedValues.MAX_TEXT_LENGTH) {
        char[] chars = delegate.getTextCharacters();
        int offset = delegate.getTextOffset();
        String held = shared.find(chars, offset, length);
        if (held != null) {
          return held;
        }
        char surrogate = UnpairedSurrogateException.find(chars, offset, length);
        if (surrogate != 0) {
          throw new UnpairedSurrogateException(this, surrogate);
        }
        String value = new String(chars, offset, length);
        shared.hold(value, chars, offset, length);
        return value;
      }
    }
    String value = delegate.getText();
    checkCharacters(value);
    return shared.text(value);
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
  private void checkCharacters(@Nullable String value) throws IOException {
    char surrogate = value == null ? 0 : UnpairedSurrogateException.find(value);
    if (surrogate != 0) {
      throw new UnpairedSurrogateException(this, surrogate);
    }
  }

  // The JSON parser hands out one String per distinct field name, so a name checked before is
  // recognised by identity; other names are checked each time.
  private void checkName(String name) throws IOException {
    int slot = (name.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - CHECKED_NAMES_BITS);
    if (checkedNames[slot] != name) {
      checkCharacters(name);
      checkedNames[slot] = name;
    }
  }

  private void rememberField(String name, int depth) {
    int level = depth - elementDepth;
    if (level < 0 || isKnown(name, depth)) {
      return;
    }
    if (level >= fieldsByLevel.length) {
      int old = fieldsByLevel.length;
      fieldsByLevel = Arrays.copyOf(fieldsByLevel, level + 1);
      for (int i = old; i <= level; i++) {
        fieldsByLevel[i] = new FieldPlaces();
      }
    }
    JsonLocation location = currentTokenLocation();
    fieldsByLevel[level].add(name, location.getLineNr(), location.getColumnNr());
    levelsUsed = Math.max(levelsUsed, level + 1);
  }

  /** A location of the parsed slice as a location of the file. */
  private JsonLocation inFile(JsonLocation location) {
    if (firstByte == 0 && firstLine == 1 && firstColumn == 1) {
      return location;
    }
    int line = location.getLineNr();
    if (line <= 0) {
      return location;
    }
    int column = line == 1 ? location.getColumnNr() + firstColumn - 1 : location.getColumnNr();
    long bytes = location.getByteOffset() < 0 ? -1 : location.getByteOffset() + firstByte;
    long chars = location.getCharOffset() < 0 ? -1 : location.getCharOffset() + firstByte;
    return new JsonLocation(location.contentReference(), bytes, chars, line + firstLine - 1, column);
  }

  private boolean isKnown(String name, int depth) {
    FieldNames known = depth < knownByDepth.length ? knownByDepth[depth] : null;
    return known != null && known.contains(name);
  }

  /**
   * The field names written at one level of an element, in the order read, each with where it was
   * written. Adding one is a few array stores; finding one, which only a problem needs, scans back
   * from the last.
   */
  private static final class FieldPlaces {

    private static final int INITIAL_CAPACITY = 32;

    private String[] names = new String[INITIAL_CAPACITY];
    private int[] lines = new int[INITIAL_CAPACITY];
    private int[] columns = new int[INITIAL_CAPACITY];
    private int size;
    // An element with long lists of objects writes the same names again and again; past this size,
    // only the last place of each name is kept, so memory follows the number of distinct names.
    private int compactAt = 4096;

    void clear() {
      size = 0;
    }

    void add(String name, int line, int column) {
      if (size == names.length) {
        if (size >= compactAt) {
          compact();
        }
        if (size == names.length) {
          names = Arrays.copyOf(names, size * 2);
          lines = Arrays.copyOf(lines, size * 2);
          columns = Arrays.copyOf(columns, size * 2);
        }
      }
      names[size] = name;
      lines[size] = line;
      columns[size] = column;
      size++;
    }

    /** Where the name was last written, as {@link Json#positionOf(JsonLocation)} would give it. */
    @Nullable TextPosition find(String name) {
      for (int i = size - 1; i >= 0; i--) {
        if (names[i].equals(name)) {
          return lines[i] <= 0 ? null : new TextPosition(lines[i], Math.max(columns[i], 1));
        }
      }
      return null;
    }

    private void compact() {
      Map<String, Integer> last = new HashMap<>();
      for (int i = 0; i < size; i++) {
        last.put(names[i], i);
      }
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (last.get(names[i]) == i) {
          names[kept] = names[i];
          lines[kept] = lines[i];
          columns[kept] = columns[i];
          kept++;
        }
      }
      Arrays.fill(names, kept, size, null);
      size = kept;
      if (size > compactAt / 2) {
        compactAt *= 2;
      }
    }
  }
}
