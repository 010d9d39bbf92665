package dev.rampart.cli.command;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --format FMT[:FILE]} value: a report format and where to write it.
 *
 * @param format the report format
 * @param file the file to write, or {@code null} for standard output
 */
record ReportTarget(Format format, @Nullable Path file) {

  /** The formats reports are written in. */
  enum Format {
    TEXT,
    JSON,
    SARIF,
    JUNIT,
    HTML,
    OSCAL;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file name extension of reports in this format. */
    String extension() {
      return switch (this) {
        case TEXT -> "txt";
        case JSON -> "json";
        case SARIF -> "sarif";
        case JUNIT -> "xml";
        case HTML -> "html";
        case OSCAL -> "json";
      };
    }
  }

  ReportTarget {
    Objects.requireNonNull(format, "format");
  }

  /** The report in text on standard output: what {@code evaluate} writes when no format is given. */
  static ReportTarget textToStdout() {
    return new ReportTarget(Format.TEXT, null);
  }

  @Override
  public String toString() {
    return file == null ? format.wireName() : format.wireName() + ":" + file;
  }

  /**
   * Parses a format's name ({@code text}, {@code json}, {@code sarif}, {@code junit}, {@code html} or {@code oscal}),
   * optionally followed by {@code :FILE}.
   */
  static final class Converter implements ITypeConverter<ReportTarget> {

    @Override
    public ReportTarget convert(String value) {
      int colon = value.indexOf(':');
      String name = colon < 0 ? value : value.substring(0, colon);
      Format format = switch (name) {
        case "text" -> Format.TEXT;
        case "json" -> Format.JSON;
        case "sarif" -> Format.SARIF;
        case "junit" -> Format.JUNIT;
        case "html" -> Format.HTML;
        case "oscal" -> Format.OSCAL;
        default -> throw new TypeConversionException("'" + name
            + "' is not a report format (use text, json, sarif, junit, html or oscal, optionally followed by :FILE)");
      };
      if (colon < 0) {
        return new ReportTarget(format, null);
      }
      String file = value.substring(colon + 1);
      if (file.isBlank()) {
        throw new TypeConversionException("'" + value + "' names no file after the colon (use " + name + ":FILE)");
      }
      return new ReportTarget(format, Path.of(file));
    }
  }
}
