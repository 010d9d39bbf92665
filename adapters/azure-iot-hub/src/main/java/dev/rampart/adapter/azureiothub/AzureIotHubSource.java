package dev.rampart.adapter.azureiothub;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One Azure CLI export of device identities or twins, read as a stream of devices. */
final class AzureIotHubSource implements FactSource {

  static final int MAX_NESTING_DEPTH = 64;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  private final Path file;
  private final String name;
  private final List<String> firmwareVersionPath;

  AzureIotHubSource(Path file, List<String> firmwareVersionPath) {
    this.file = file;
    this.name = file.toString();
    this.firmwareVersionPath = firmwareVersionPath;
  }

  /**
   * Streams one device per entry of the export into the sink, each with its file, line and column.
   *
   * @throws SourceException with every problem found, one line each, in the form
   *     {@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}; facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    SourceProblems problems = new SourceProblems(name);
    Instant exportedAt = exportedAt();
    try (JsonParser parser = open()) {
      try {
        new ExportReader(name, parser, new TwinMapping(firmwareVersionPath), problems, exportedAt).read(sink);
      } catch (IOException e) {
        TextPosition at = e instanceof JsonProcessingException located && located.getLocation() != null
            ? Json.positionOf(located.getLocation()) : Json.positionOf(parser.currentLocation());
        problems.add(at, "", failure(e), fix(e));
      }
    } catch (IOException e) {
      problems.add(null, "", "could not close the file: " + e.getMessage(), null);
    }
    problems.throwIfAny();
  }

  @Override
  public String describe() {
    return AzureIotHubProvider.ID + ":" + name;
  }

  private JsonParser open() throws SourceException {
    InputStream in;
    try {
      in = InputFiles.open(file, Long.MAX_VALUE);
    } catch (InputFileException e) {
      throw new SourceException(e.cannotRead(name, "one exported JSON file"));
    }
    try {
      return JSON.createParser(in);
    } catch (IOException e) {
      throw new SourceException(cannotRead(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
          "check that the file can be read"));
    }
  }

  /** The file's modification time: the export has no date of its own, and it was written when exported. */
  private @Nullable Instant exportedAt() {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  private static String failure(IOException e) {
    if (e instanceof CharConversionException) {
      return "the file is not valid UTF-8 or UTF-16 text";
    }
    if (e instanceof StreamConstraintsException) {
      return "the data is nested more than " + MAX_NESTING_DEPTH + " levels deep";
    }
    if (e instanceof JsonParseException json) {
      String message = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        return "duplicate key " + message.substring("Duplicate field ".length());
      }
      if (message.startsWith("Unexpected end-of-input")) {
        return "the file ends before every bracket is closed";
      }
      return "the file is not valid JSON here: " + firstLine(message);
    }
    return "reading stopped: " + firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static String fix(IOException e) {
    if (e instanceof CharConversionException) {
      return "export again with 'az ... -o json > FILE', or save the file as UTF-8";
    }
    if (e instanceof StreamConstraintsException) {
      return "an Azure CLI export is a list of device objects; look for a file that is not one";
    }
    if (e.getMessage() != null && e.getMessage().startsWith("Unexpected end-of-input")) {
      return "the export was cut short; export it again";
    }
    return "the Azure CLI writes valid JSON; was the file edited or cut short?";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private String cannotRead(String reason, String fix) {
    return "cannot read '" + name + "': " + reason + " (" + fix + ")";
  }
}
