package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.rampart.adapter.inventory.CertificateReferences.Reference;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The certificate reference ({@code pem} or {@code file}) of the element being bound, caught while
 * Jackson binds it; {@link CertificateReferences} resolves it once the element is bound. One
 * instance serves one binding thread, one element at a time.
 */
final class PendingReference {

  /** Takes {@code pem} and {@code file} out of a certificate object while Jackson binds it. */
  static final DeserializationProblemHandler HANDLER = new ReferenceHandler();

  private static final RecordComponent[] CERTIFICATE_FIELDS = Certificate.class.getRecordComponents();

  private @Nullable Reference pending;
  private @Nullable TrackingParser parser;

  /**
   * Starts an element: forgets the reference of one that failed to bind, and remembers the parser,
   * which knows where the element's fields were written.
   */
  void startElement(TrackingParser reader) {
    pending = null;
    parser = reader;
  }

  /**
   * The reference of the element just bound, with the places of the certificate's own fields (which
   * the parser forgets at the next element), or {@code null} when it has none.
   */
  @Nullable Reference take() {
    Reference reference = pending;
    pending = null;
    if (reference == null) {
      return null;
    }
    Map<String, TextPosition> fields = new HashMap<>();
    for (RecordComponent component : CERTIFICATE_FIELDS) {
      TextPosition written = fieldPosition(component.getName());
      if (written != null) {
        fields.put(component.getName(), written);
      }
    }
    return new Reference(reference.field(), reference.value(), reference.position(), fields);
  }

  /**
   * Where a field of the certificate object was written. Jackson buffers a record's unknown fields
   * before they reach {@link #HANDLER}, so only the parser knows.
   */
  private @Nullable TextPosition fieldPosition(String name) {
    // 0: the device, 1: credentials, 2: the certificate
    return parser == null ? null : parser.fieldPosition(2, name);
  }

  private void hold(String name, JsonParser buffer) throws IOException {
    TextPosition at = fieldPosition(name);
    String pem = CertificateReferences.PEM;
    InvalidValueException problem = null;
    if (!buffer.hasToken(JsonToken.VALUE_STRING) || buffer.getText().isBlank()) {
      problem = new InvalidValueException(buffer, "expected " + (name.equals(pem) ? "PEM text" : "a file path")
          + " but found " + Found.describe(buffer), name.equals(pem)
          ? "write the certificate under 'pem: |', from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----"
          : "write the path of a PEM or DER certificate file, relative to the inventory file", at);
    } else if (pending != null && !pending.field().equals(name)) {
      problem = new InvalidValueException(buffer, "the certificate is given both as '" + pem + "' and as '"
          + CertificateReferences.FILE + "'", "keep one of them", at);
    }
    if (problem != null) {
      // Jackson adds the path above the certificate as the exception passes; the field is not on it
      problem.prependPath(Certificate.class, name);
      throw problem;
    }
    pending = new Reference(name, buffer.getText(), at, Map.of());
  }

  /**
   * Jackson reports {@code pem} and {@code file} as unknown fields of {@link Certificate}; this
   * handler takes them as the reference of the element being bound instead.
   */
  private static final class ReferenceHandler extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object beanOrClass, String name) throws IOException {
      boolean certificate = beanOrClass == Certificate.class || beanOrClass instanceof Certificate;
      Object references = context.getAttribute(PendingReference.class);
      if (!certificate || !(references instanceof PendingReference read)
          || !(name.equals(CertificateReferences.PEM) || name.equals(CertificateReferences.FILE))) {
        return false;
      }
      read.hold(name, parser);
      return true;
    }
  }
}
