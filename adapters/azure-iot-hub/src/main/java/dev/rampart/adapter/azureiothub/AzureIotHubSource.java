package dev.rampart.adapter.azureiothub;

import com.fasterxml.jackson.core.JsonParser;
import dev.rampart.adaptersupport.json.JsonFailure;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One Azure CLI export of device identities or twins, read as a stream of devices. */
final class AzureIotHubSource implements FactSource {

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
        JsonFailure failure = JsonFailure.of(e, parser);
        problems.add(failure.at(), "", failure.what(), fix(failure.kind()));
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
      return JsonFailure.STRICT.createParser(in);
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

  private static String fix(JsonFailure.Kind kind) {
    return switch (kind) {
      case NOT_TEXT -> "export again with 'az ... -o json > FILE', or save the file as UTF-8";
      case TOO_DEEP -> "an Azure CLI export is a list of device objects; look for a file that is not one";
      case CUT_SHORT -> "the export was cut short; export it again";
      case SYNTAX, UNREADABLE -> "the Azure CLI writes valid JSON; was the file edited or cut short?";
    };
  }

  private String cannotRead(String reason, String fix) {
    return "cannot read '" + name + "': " + reason + " (" + fix + ")";
  }
}
