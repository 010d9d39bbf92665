package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A failure after which the file cannot be read any further (bad syntax, a limit exceeded, bytes
 * that are not UTF-8), explained in plain words.
 *
 * @param position where reading stopped, or {@code null} when unknown
 * @param what what is wrong
 * @param fix how to fix it
 */
record StreamFailure(@Nullable TextPosition position, String what, @Nullable String fix) {

  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("Unexpected character \\('(.+?)' \\(code [^)]*\\)\\): (.*)", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
  private static final Pattern YAML_BAD_CHARACTER =
      Pattern.compile("found character '(.+)' that cannot start any token.*");

  /**
   * Explains why reading stopped.
   *
   * @param failure what the parser threw
   * @param decoded how far the UTF-8 decoder got, which is where a bad byte is
   * @param token where the parser's current token starts, for failures that carry no position
   */
  static StreamFailure of(IOException failure, TextPosition decoded, @Nullable TextPosition token) {
    JsonParseException syntax = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CharacterCodingException) {
        return new StreamFailure(decoded, "the file is not valid UTF-8 text", "save it with UTF-8 encoding");
      }
      if (cause instanceof YamlAliasException alias) {
        return new StreamFailure(Json.positionOf(alias.getLocation()),
            "YAML alias '*" + alias.alias() + "' is not supported",
            "write the value out in full; inventory files do not use anchors and aliases");
      }
      if (cause instanceof DuplicateKeyException duplicate) {
        return new StreamFailure(Json.positionOf(duplicate.getLocation()), "duplicate key '" + duplicate.key() + "'",
            "each key may appear only once in an object; merge the two entries");
      }
      if (cause instanceof UnpairedSurrogateException surrogate) {
        return new StreamFailure(Json.positionOf(surrogate.getLocation()),
            String.format("a text holds the escape \\u%04X, half of a UTF-16 surrogate pair, which is not a character",
                (int) surrogate.surrogate()),
            "write the character itself, or escape both halves of the pair");
      }
      if (cause instanceof StreamConstraintsException limit) {
        return limit(limit, token);
      }
      if (cause instanceof MarkedYAMLException yaml) {
        return yaml(yaml);
      }
      if (cause instanceof ReaderException control) {
        return new StreamFailure(null,
            String.format("the file contains the control character U+%04X", control.getCodePoint()),
            "remove it; YAML allows only printable characters, is this a binary file?");
      }
      if (cause instanceof YAMLException yaml && String.valueOf(yaml.getMessage()).contains("exceeds the limit")) {
        return new StreamFailure(token,
            "the YAML file is longer than " + InventoryFormat.MAX_YAML_CODE_POINTS + " characters",
            "split it into several inventory files, or write it as JSON");
      }
      // Jackson wraps SnakeYAML's errors in its own parse exception; the wrapped one says more, so look deeper first.
      if (syntax == null && cause instanceof JsonParseException json) {
        syntax = json;
      }
    }
    if (syntax != null) {
      return json(syntax);
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new StreamFailure(token != null ? token : decoded, "reading stopped: " + firstLine(message), null);
  }

  private static StreamFailure limit(StreamConstraintsException limit, @Nullable TextPosition token) {
    TextPosition reported = Json.positionOf(limit.getLocation());
    TextPosition at = reported != null ? reported : token;
    String message = limit.getMessage() == null ? "" : limit.getMessage();
    if (message.startsWith("Document nesting depth")) {
      return new StreamFailure(at, "the data is nested more than " + InventoryFormat.MAX_NESTING_DEPTH + " levels deep",
          "inventory files need only a few levels; look for unclosed brackets or runaway indentation");
    }
    if (message.startsWith("String value length")) {
      return new StreamFailure(at, "a text value is longer than " + InventoryFormat.MAX_STRING_LENGTH + " characters",
          "shorten it; inventory values are names, versions and addresses");
    }
    if (message.startsWith("Number value length")) {
      return new StreamFailure(at, "a number is longer than " + InventoryFormat.MAX_NUMBER_LENGTH + " digits",
          "shorten it, or put it in quotes if it is an identifier");
    }
    return new StreamFailure(at, "the file exceeds a reading limit: " + firstLine(message), null);
  }

  private static StreamFailure yaml(MarkedYAMLException yaml) {
    TextPosition at = position(yaml.getProblemMark());
    String problem = yaml.getProblem() == null ? "" : yaml.getProblem();
    String opened = yaml.getContextMark() == null ? "" : " at " + position(yaml.getContextMark());
    if (problem.contains("cannot start any token") && problem.contains("\\t")) {
      return new StreamFailure(at, "a tab character is used for indentation", "indent with spaces only");
    }
    if (problem.contains("expected ',' or ']'")) {
      return new StreamFailure(at, "the list opened with '['" + opened + " is not closed",
          "add the missing ']' or ','");
    }
    if (problem.contains("expected ',' or '}'")) {
      return new StreamFailure(at, "the object opened with '{'" + opened + " is not closed",
          "add the missing '}' or ','");
    }
    if (problem.contains("mapping values are not allowed")) {
      return new StreamFailure(at, "a ':' is not allowed here",
          "check the indentation, or put a value that contains ': ' in quotes");
    }
    if (problem.contains("expected <block end>") || problem.contains("could not find expected ':'")) {
      return new StreamFailure(at, "this line does not fit the indentation of the lines above",
          "indent entries of the same list or object by the same number of spaces, and write 'name: value'");
    }
    if (problem.contains("sequence entries are not allowed")) {
      return new StreamFailure(at, "a list entry '-' is not allowed here", "start the list on the next line, indented");
    }
    if (problem.contains("found unexpected end of stream") && yaml.getContext() != null
        && yaml.getContext().contains("quoted scalar")) {
      return new StreamFailure(position(yaml.getContextMark()), "the quoted text opened here is never closed",
          "add the closing quote");
    }
    Matcher character = YAML_BAD_CHARACTER.matcher(problem);
    if (character.matches()) {
      return new StreamFailure(at, "a value cannot start with '" + character.group(1) + "'", "put the value in quotes");
    }
    String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
    return new StreamFailure(at, "invalid YAML: " + context + firstLine(problem), "check the syntax near this place");
  }

  private static StreamFailure json(JsonParseException json) {
    TextPosition at = Json.positionOf(json.getLocation());
    String message = firstLine(json.getOriginalMessage() == null ? "" : json.getOriginalMessage());
    if (message.startsWith("Unexpected end-of-input")) {
      String bracket = message.contains("Array") ? "']'" : message.contains("Object") ? "'}'" : "bracket or quote";
      return new StreamFailure(at, "the file ends before every bracket is closed", "add the missing " + bracket);
    }
    Matcher unexpected = UNEXPECTED_CHARACTER.matcher(message);
    if (unexpected.matches()) {
      String character = unexpected.group(1);
      String fix = unexpected.group(2).contains("double-quote to start field name")
          ? (character.equals("}") ? "remove the comma before '}'" : "put field names in double quotes")
          : "check the JSON syntax near this place";
      return new StreamFailure(at, "unexpected character '" + character + "'", fix);
    }
    Matcher word = UNRECOGNIZED_TOKEN.matcher(message);
    if (word.matches()) {
      return new StreamFailure(at, "unexpected word '" + word.group(1) + "'",
          "put text in double quotes; the only bare words in JSON are true, false and null");
    }
    return new StreamFailure(at, "the file cannot be parsed here: " + message, "check the syntax near this place");
  }

  private static @Nullable TextPosition position(@Nullable Mark mark) {
    return mark == null ? null : new TextPosition(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
