package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads calendar dates written as {@code 2027-06-30}. */
final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

  private static final long serialVersionUID = 1L;

  static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  DateDeserializer() {
    super(LocalDate.class);
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      LocalDate common = IsoDates.date(parser.getText());
      if (common != null) {
        return SharedValues.share(parser, common);
      }
      String text = parser.getText().strip();
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        if (DATE_SHAPE.matcher(text).matches()) {
          throw new InvalidValueException(parser, Found.quote(text) + " is not a real date", "check the month and day");
        }
      }
    }
    String what = "expected a date such as 2027-06-30 but found " + Found.describe(parser);
    throw new InvalidValueException(parser, what, "write dates as YYYY-MM-DD");
  }
}
