package dev.rampart.adaptersupport.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static final String DOCUMENT = """
      {
        "deviceId": "cam-01",
        "properties": {"reported": {"firmwareVersion": "11.8.64", "uptime": 12.50}},
        "tags": [true, null]
      }""";

  @Test
  void everyValueKnowsWhereItStarts() throws IOException {
    Json.Members root = (Json.Members) read(DOCUMENT);

    assertEquals(new TextPosition(1, 1), root.at());
    assertEquals(new TextPosition(2, 15), root.get("deviceId").at());
    assertEquals(new TextPosition(3, 71), root.find(List.of("properties", "reported", "uptime")).at());
    assertEquals("1:1", root.at().toString());
  }

  @Test
  void valuesAreKeptAsWrittenInTheirOrder() throws IOException {
    Json.Members root = (Json.Members) read(DOCUMENT);

    assertEquals(List.of("deviceId", "properties", "tags"), List.copyOf(root.members().keySet()));
    assertEquals(new Json.Text("11.8.64", new TextPosition(3, 50)),
        root.find(List.of("properties", "reported", "firmwareVersion")));
    assertEquals("12.50", ((Json.Number) root.find(List.of("properties", "reported", "uptime"))).text());
    Json.Elements tags = (Json.Elements) root.get("tags");
    assertEquals(List.of(new Json.TrueFalse(true, new TextPosition(4, 12)), new Json.Null(new TextPosition(4, 18))), tags.elements());
  }

  @Test
  void aPathThatLeadsNowhereIsNull() throws IOException {
    Json.Members root = (Json.Members) read(DOCUMENT);

    assertNull(root.get("status"));
    assertNull(root.find(List.of("properties", "desired")));
    assertNull(root.find(List.of("deviceId", "value")));
  }

  @Test
  void eachValueDescribesItselfForMessages() throws IOException {
    Json.Members root = (Json.Members) read(DOCUMENT);

    assertEquals("an object", root.describe());
    assertEquals("a list", root.get("tags").describe());
    assertEquals("the text 'cam-01'", root.get("deviceId").describe());
    assertEquals("the number 12.50", root.find(List.of("properties", "reported", "uptime")).describe());
    assertEquals("true", ((Json.Elements) root.get("tags")).elements().get(0).describe());
    assertEquals("null", ((Json.Elements) root.get("tags")).elements().get(1).describe());
  }

  @Test
  void aPositionComesFromAParserLocationWhenTheParserKnowsIt() throws IOException {
    assertNull(Json.positionOf(null));
    try (JsonParser parser = new JsonFactory().createParser("\n  [1]")) {
      parser.nextToken();
      assertEquals(new TextPosition(2, 3), Json.positionOf(parser.currentTokenLocation()));
    }
  }

  private static Json read(String text) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      parser.nextToken();
      return Json.read(parser);
    }
  }
}
