package dev.rampart.adaptersupport.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import dev.rampart.adaptersupport.json.JsonFailure.Kind;
import dev.rampart.spi.source.TextPosition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every JSON file an adapter cannot parse is explained at its place, never with the parser's own words alone. */
class JsonFailureTest {

  @Test
  void aKeyGivenTwiceIsNamed() throws IOException {
    assertEquals(new JsonFailure(new TextPosition(2, 13), Kind.SYNTAX, "duplicate key 'deviceId'"),
        failure("{\"deviceId\": \"a\",\n  \"deviceId\": \"b\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFileThatEndsInsideAnObjectWasCutShort() throws IOException {
    assertEquals(new JsonFailure(new TextPosition(2, 1), Kind.CUT_SHORT, "the file ends before every bracket is closed"),
        failure("[{\"deviceId\": \"a\"}\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void dataNestedDeeperThanTheLimitIsRefused() throws IOException {
    JsonFailure failure = failure("[".repeat(JsonFailure.MAX_NESTING_DEPTH + 1).getBytes(StandardCharsets.UTF_8));

    assertEquals(Kind.TOO_DEEP, failure.kind());
    assertEquals("the data is nested more than 64 levels deep", failure.what());
  }

  @Test
  void bytesThatAreNoTextAndTextThatIsNoJsonSayWhichItIs() throws IOException {
    // a file that starts like UTF-32 and goes on with no character
    JsonFailure notText = failure(new byte[] {0, 0, 0, '[', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    assertEquals(Kind.NOT_TEXT, notText.kind());
    assertEquals("the file is not valid UTF-8 or UTF-16 text", notText.what());

    JsonFailure syntax = failure("[1,,2]".getBytes(StandardCharsets.UTF_8));
    assertEquals(new TextPosition(1, 4), syntax.at());
    assertEquals(Kind.SYNTAX, syntax.kind());
    assertEquals("the file is not valid JSON here: Unexpected character (',' (code 44)): expected a value",
        syntax.what().replace(" (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", ""));
  }

  private static JsonFailure failure(byte[] json) throws IOException {
    try (JsonParser parser = JsonFailure.STRICT.createParser(new ByteArrayInputStream(json))) {
      IOException e = assertThrows(IOException.class, () -> {
        while (parser.nextToken() != null) {
          parser.skipChildren();
        }
      });
      return JsonFailure.of(e, parser);
    }
  }
}
