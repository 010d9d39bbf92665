package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Fact;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Wraps Jackson's deserializers of the fact model's records and of lists. While a record is read,
 * the parser knows the field names it takes, so it keeps the places of only the names a problem can
 * be reported at (see {@link TrackingParser}). And equal parts of facts read in one file, such as a
 * firmware, a service or a list of hosts, are made one instance (see {@link SharedValues}): devices
 * of one fleet mostly differ in a few fields.
 */
final class RecordDeserializers extends BeanDeserializerModifier {

  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
      JsonDeserializer<?> deserializer) {
    Class<?> type = description.getBeanClass();
    if (!type.isRecord() || type.getPackage() != Fact.class.getPackage()) {
      return deserializer;
    }
    // The places of a certificate's own fields are looked up too, by CertificateReferences.
    FieldNames known = type == Certificate.class ? null : FieldNames.of(type);
    return new RecordDeserializer(deserializer, known, !Fact.class.isAssignableFrom(type));
  }

  @Override
  public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
      BeanDescription description, JsonDeserializer<?> deserializer) {
    // Jackson has already put ArrayList in place of the model's List here.
    return List.class.isAssignableFrom(type.getRawClass()) ? new ListDeserializer(deserializer) : deserializer;
  }

  /** Reads a record with Jackson's own deserializer, telling the parser the names it knows. */
  private static final class RecordDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private final @Nullable FieldNames known;
    private final boolean shared;

    RecordDeserializer(JsonDeserializer<?> delegatee, @Nullable FieldNames known, boolean shared) {
      super(delegatee);
      this.known = known;
      this.shared = shared;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
      return new RecordDeserializer(delegatee, known, shared);
    }

    @Override
    public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!(parser instanceof TrackingParser tracking)) {
        return super.deserialize(parser, context);
      }
      Object value;
      if (known != null && parser.hasToken(JsonToken.START_OBJECT)) {
        int depth = tracking.knowFields(known);
        try {
          value = super.deserialize(parser, context);
        } finally {
          tracking.forgetFields(depth);
        }
      } else {
        value = super.deserialize(parser, context);
      }
      return shared && value != null ? tracking.sharedValues().value(value) : value;
    }
  }

  /** Reads a list with Jackson's own deserializer, then hands out the list held for an equal one. */
  private static final class ListDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    ListDeserializer(JsonDeserializer<?> delegatee) {
      super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
      return new ListDeserializer(delegatee);
    }

    @Override
    public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      Object value = super.deserialize(parser, context);
      // The records copy their lists with List.copyOf, which keeps an unmodifiable list as it is.
      return value == null ? null : SharedValues.share(parser, List.copyOf((Collection<?>) value));
    }
  }
}
