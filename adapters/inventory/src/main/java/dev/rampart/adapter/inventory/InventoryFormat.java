package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/** The two syntaxes of the inventory format, each with its parser limits set explicitly. */
enum InventoryFormat {
  YAML,
  JSON;

  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_STRING_LENGTH = 1_000_000;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_YAML_CODE_POINTS = 256 * 1024 * 1024;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .build();

  // Duplicate keys are refused by TrackingParser, which does without Jackson's hash set per object.
  private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
      .streamReadConstraints(CONSTRAINTS)
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder()
      .loaderOptions(loaderOptions())
      .streamReadConstraints(CONSTRAINTS)
      // Refusing duplicate keys in the loader options turns Jackson's own check on; TrackingParser does it.
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // "key:" with nothing after it is null in YAML; a quoted "" stays empty text.
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      // YAML 1.2 booleans only: yes/no/on/off stay text and are then reported, not read as true/false.
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();

  /** The format by file extension; for other names, a file whose first character is '{' is JSON. */
  static InventoryFormat detect(Path file, Utf8FileReader text) throws IOException {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML;
    }
    if (lower.endsWith(".json")) {
      return JSON;
    }
    return text.peekFirstNonBlank() == '{' ? JSON : YAML;
  }

  TrackingParser createParser(Reader text) throws IOException {
    JsonFactory factory = this == YAML ? YAML_FACTORY : JSON_FACTORY;
    return new TrackingParser(factory.createParser(text));
  }

  /**
   * A parser of JSON given as plain ASCII bytes (see {@link AsciiBytes}), which Jackson parses about
   * twice as fast as characters.
   */
  static TrackingParser createJsonParser(InputStream asciiBytes) throws IOException {
    return new TrackingParser(JSON_FACTORY.createParser(asciiBytes));
  }

  /** A parser of JSON held in plain ASCII bytes, a slice of a file read before (see {@link ElementChunk}). */
  static JsonParser createJsonParser(byte[] asciiBytes) throws IOException {
    return JSON_FACTORY.createParser(asciiBytes);
  }

  /*
   * SnakeYAML's own limits. Jackson drives SnakeYAML's low-level parser, not its composer, so only
   * the code point limit takes effect there: the nesting limit is enforced through the stream
   * constraints above, and duplicate keys and aliases are refused outright by TrackingParser. They
   * are set anyway so that no default silently applies.
   */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_YAML_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    return options;
  }
}
