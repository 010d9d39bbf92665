package dev.rampart.engine.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Parses YAML (or JSON, which is YAML) into a {@link Node} tree with positions, within explicit limits
 * so that hostile documents fail fast with a clear message instead of exhausting memory.
 */
public final class TreeReader {

  /** Largest document accepted, in characters. */
  public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  /** Most aliases accepted; packs have no need for many, and alias bombs need thousands. */
  public static final int MAX_ALIASES = 50;

  /** Longest text value or key accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 1_000_000;

  /** Longest number accepted, in digits. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final JsonFactory FACTORY = createFactory();

  private TreeReader() {}

  /**
   * Parses one document.
   *
   * @throws TreeReadException with the position and a plain explanation when the text is not a
   *     valid document or breaks a limit
   */
  public static Node read(String text) throws TreeReadException {
    if (text.isBlank()) {
      throw new TreeReadException(1, 1, "the file is empty; a rule pack starts with 'apiVersion: rampart.dev/v1'");
    }
    if (text.length() > MAX_CODE_POINTS) {
      throw new TreeReadException(1, 1, "the file is larger than " + MAX_CODE_POINTS + " characters; split it");
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw new TreeReadException(1, 1, "the file holds no document");
        }
        Node root = readValue(parser, 1);
        if (parser.nextToken() != null) {
          JsonLocation at = parser.currentTokenLocation();
          throw new TreeReadException(at.getLineNr(), at.getColumnNr(), "a second document starts here; a pack is one document");
        }
        return root;
      } catch (StreamConstraintsException e) {
        throw limit(e, parser.currentLocation());
      }
    } catch (JsonParseException e) {
      if (e.getCause() instanceof ReaderException special) {
        // SnakeYAML counts code points from the start; its mark is not passed on
        int[] at = lineAndColumn(text, special.getPosition());
        throw new TreeReadException(at[0], at[1], String.format(
            "not valid YAML: the character U+%04X is not allowed in YAML (remove it; is this a binary file?)",
            special.getCodePoint()));
      }
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        // SnakeYAML knows what is wrong and where; Jackson's own message keeps only the context
        Mark at = yaml.getProblemMark();
        throw new TreeReadException(at.getLine() + 1, at.getColumn() + 1, "not valid YAML: " + explain(yaml));
      }
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      throw new TreeReadException(line, column, "not valid YAML: " + explain(e));
    } catch (IOException e) {
      throw new TreeReadException(0, 0, "not valid YAML: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // SnakeYAML reports alias, depth and size limits as unchecked exceptions
      throw new TreeReadException(0, 0, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static Node readValue(JsonParser parser, int depth) throws IOException, TreeReadException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (depth > MAX_DEPTH) {
      throw new TreeReadException(line, column, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as its name instead of expanding it; refusing aliases also
      // stops "billion laughs" documents at their first alias
      throw new TreeReadException(line, column, "YAML alias '*" + parser.getText()
          + "' is not supported; write the value out in full (packs do not use anchors and aliases)");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.ScalarNode> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation keyAt = parser.currentTokenLocation();
          checkLength(parser, keyAt.getLineNr(), keyAt.getColumnNr());
          String key = parser.currentName();
          if (entries.containsKey(key)) {
            Node.ScalarNode first = keys.get(key);
            throw new TreeReadException(keyAt.getLineNr(), keyAt.getColumnNr(),
                "duplicate key '" + key + "' (first at line " + first.line() + "); remove one of them");
          }
          keys.put(key, new Node.ScalarNode(keyAt.getLineNr(), keyAt.getColumnNr(), key));
          parser.nextToken();
          entries.put(key, readValue(parser, depth + 1));
        }
        return new Node.MapNode(line, column, entries, keys);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, depth + 1));
        }
        return new Node.ListNode(line, column, items);
      }
      case VALUE_STRING -> {
        // the YAML parser does not apply the string length constraint itself
        checkLength(parser, line, column);
        return new Node.ScalarNode(line, column, parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Node.ScalarNode(line, column, parser.getNumberValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.ScalarNode(line, column, parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.ScalarNode(line, column, parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return new Node.ScalarNode(line, column, null);
      }
      default -> throw new TreeReadException(line, column, "unexpected " + token + " in document");
    }
  }

  private static void checkLength(JsonParser parser, int line, int column) throws IOException, TreeReadException {
    if (parser.getTextLength() > MAX_STRING_LENGTH) {
      throw new TreeReadException(line, column, "a text longer than " + MAX_STRING_LENGTH + " characters; shorten it");
    }
  }

  /** A broken parser limit, in words and at its place when the parser knows it. */
  private static TreeReadException limit(StreamConstraintsException e, JsonLocation reached) {
    // the YAML parser raises limits without a location; where it stopped reading is close enough
    JsonLocation at = e.getLocation() != null ? e.getLocation() : reached;
    int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
    int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Document nesting depth")) {
      return new TreeReadException(line, column, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (message.startsWith("Number value length")) {
      return new TreeReadException(line, column, "a number longer than " + MAX_NUMBER_LENGTH
          + " digits; shorten it, or put it in quotes if it is text");
    }
    if (message.startsWith("String value length") || message.startsWith("Name length")) {
      return new TreeReadException(line, column, "a text longer than " + MAX_STRING_LENGTH + " characters; shorten it");
    }
    return new TreeReadException(line, column, "the document breaks a size limit: " + firstLine(message));
  }

  /** The 1-based line and column of the code point at {@code index}. */
  private static int[] lineAndColumn(String text, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0, seen = 0; i < text.length() && seen < index; i += Character.charCount(text.codePointAt(i)), seen++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** The problem, then the construct it broke and where that started, e.g. an unclosed '{'. */
  private static String explain(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem());
    Mark start = e.getContextMark();
    String context = e.getContext();
    if (context == null || start == null) {
      return withTabHint(problem);
    }
    String opened = construct(context) + " that starts at line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1);
    if (problem.contains("<block")) {
      // the parser's own words ("expected <block end>, but found '<block mapping start>'") name its
      // tokens, not the author's mistake: a line indented differently from its neighbours
      return withTabHint("this line is not indented like the rest of " + opened
          + "; indent each key of a mapping, and each '-' of a list, exactly as far as the others");
    }
    if (problem.contains("<stream end>") && context.contains("flow")) {
      return "the end of the file comes before " + opened + " is closed; add its closing "
          + (context.contains("mapping") ? "'}'" : "']'");
    }
    return withTabHint(problem + " (" + context + " that starts at line " + (start.getLine() + 1) + ", column "
        + (start.getColumn() + 1) + ")");
  }

  /** The construct a SnakeYAML context such as "while parsing a flow mapping" is about, in the pack's words. */
  private static String construct(String context) {
    if (context.contains("flow mapping")) {
      return "the mapping in braces";
    }
    if (context.contains("flow sequence")) {
      return "the list in brackets";
    }
    if (context.contains("block mapping")) {
      return "the mapping";
    }
    if (context.contains("block collection") || context.contains("block sequence")) {
      return "the list or mapping";
    }
    return "the value";
  }

  private static String explain(JsonParseException e) {
    return withTabHint(firstLine(e.getOriginalMessage()));
  }

  private static String withTabHint(String message) {
    if (message.contains("\\t") || message.toLowerCase(java.util.Locale.ROOT).contains("tab")) {
      return message + " (YAML indents with spaces; replace the tab characters)";
    }
    return message;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static JsonFactory createFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        // YAML 1.2, as editors and the JSON Schema read a pack: yes, no, on and off are text, not booleans
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(MAX_CODE_POINTS)
            .build())
        .build();
  }
}
