package dev.rampart.cli.command;

import dev.rampart.reports.Gate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --fail-on}: a severity or {@code never}. */
final class GateConverter implements ITypeConverter<Gate> {

  @Override
  public Gate convert(String value) {
    try {
      return Gate.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
