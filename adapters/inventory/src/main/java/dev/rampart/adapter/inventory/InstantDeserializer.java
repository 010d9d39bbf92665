package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads points in time written as ISO-8601 instants ({@code 2026-11-01T10:00:00Z}) or, because
 * inventories are often kept by hand, as plain dates meaning the start of that day in UTC.
 */
final class InstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final long serialVersionUID = 1L;

  InstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String fix = "write a date-time with a zone, e.g. 2026-11-01T10:00:00Z, or a date, e.g. 2026-11-01";
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant common = IsoDates.instant(parser.getText());
      if (common != null) {
        return SharedValues.share(parser, common);
      }
      String text = parser.getText().strip();
      if (DateDeserializer.DATE_SHAPE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
          throw new InvalidValueException(parser, Found.quote(text) + " is not a real date", "check the month and day");
        }
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        if (isLocalDateTime(text)) {
          fix = "add the time zone, e.g. " + text + "Z for UTC";
        }
      }
    }
    String what = "expected a date-time such as 2026-11-01T10:00:00Z or a date such as 2026-11-01 but found "
        + Found.describe(parser);
    throw new InvalidValueException(parser, what, fix);
  }

  private static boolean isLocalDateTime(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
