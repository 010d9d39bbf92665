package dev.rampart.oscal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What every OSCAL document Rampart writes shares: the version, the metadata and Rampart's properties. */
final class OscalJson {

  /** The OSCAL version the documents follow. */
  static final String OSCAL_VERSION = "1.1.2";

  /** The namespace of Rampart's own properties, so that they never clash with NIST's names. */
  static final String NAMESPACE = "https://rampart.dev/ns/oscal";

  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private OscalJson() {}

  /** A pretty-printing generator over {@code out}, which it leaves open. */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = JSON.createGenerator(out);
    json.useDefaultPrettyPrinter();
    return json;
  }

  /** Opens the {@code metadata} object with its required fields; the caller adds more and closes it. */
  static void startMetadata(JsonGenerator json, String title, Instant lastModified, String version) throws IOException {
    json.writeObjectFieldStart("metadata");
    json.writeStringField("title", title);
    json.writeStringField("last-modified",
        DateTimeFormatter.ISO_INSTANT.format(lastModified.truncatedTo(ChronoUnit.SECONDS)));
    json.writeStringField("version", version);
    json.writeStringField("oscal-version", OSCAL_VERSION);
  }

  static void uuid(JsonGenerator json, UUID uuid) throws IOException {
    json.writeStringField("uuid", uuid.toString());
  }

  /** A property in Rampart's namespace, with remarks when {@code remarks} is not null. */
  static void prop(JsonGenerator json, String name, String value, @Nullable String remarks) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("ns", NAMESPACE);
    json.writeStringField("value", value);
    if (remarks != null && !remarks.isBlank()) {
      json.writeStringField("remarks", remarks.strip());
    }
    json.writeEndObject();
  }

  /** A property in Rampart's namespace. */
  static void prop(JsonGenerator json, String name, String value) throws IOException {
    prop(json, name, value, null);
  }

  /** A property in OSCAL's own namespace, with a name OSCAL defines (e.g. {@code label}). */
  static void oscalProp(JsonGenerator json, String name, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("value", value);
    json.writeEndObject();
  }

  /**
   * One back-matter resource: a document the OSCAL document points at with {@code #uuid}.
   *
   * @param href where it can be read; null when nowhere is known
   */
  static void resource(JsonGenerator json, UUID uuid, String title, String description, @Nullable String href,
      @Nullable String mediaType) throws IOException {
    json.writeStartObject();
    uuid(json, uuid);
    json.writeStringField("title", title);
    json.writeStringField("description", description);
    if (href != null) {
      json.writeArrayFieldStart("rlinks");
      json.writeStartObject();
      json.writeStringField("href", href);
      if (mediaType != null) {
        json.writeStringField("media-type", mediaType);
      }
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
