package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why one element could not be bound, translated from Jackson's exception into the words of the
 * inventory format.
 *
 * @param position where the problem is
 * @param path the field path inside the element
 * @param what what is wrong
 * @param fix how to fix it
 */
record BindingError(@Nullable TextPosition position, List<Reference> path, String what, @Nullable String fix) {

  /**
   * Translates a binding failure; call it before moving the parser, which still stands on the
   * offending value.
   */
  static BindingError of(JsonMappingException error, TrackingParser parser, FactType type, TextPosition elementStart)
      throws IOException {
    TextPosition position = Json.positionOf(error.getLocation());
    List<Reference> path = List.copyOf(error.getPath());
    if (error instanceof InvalidValueException invalid) {
      return new BindingError(invalid.at() != null ? invalid.at() : position, path, invalid.what(), invalid.fix());
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      String name = unknown.getPropertyName();
      TextPosition written = parser.fieldPosition(path.size() - 1, name);
      List<String> fields = new ArrayList<>(FactModel.fieldNames(unknown.getReferringClass()));
      if (unknown.getReferringClass() == Certificate.class) {
        // a certificate can also be given by reference
        fields.addAll(List.of(CertificateReferences.PEM, CertificateReferences.FILE));
      }
      return new BindingError(written != null ? written : position, path.subList(0, Math.max(path.size() - 1, 0)),
          "unknown field '" + name + "'", DidYouMean.hintOrList(name, fields, "valid fields"));
    }
    if (error instanceof InvalidNullException) {
      return new BindingError(position, path, "a list entry is empty (null)", "remove the entry or give it a value");
    }
    if (error instanceof ValueInstantiationException && error.getCause() instanceof InvalidFactException refused) {
      // The values with a form are checked while parsing (TextDeserializer, WholeNumberDeserializer);
      // this is the fact model's word on the rest, placed at the end of the record that refused it.
      List<Reference> full = new ArrayList<>(path);
      for (FieldPath.Step step : refused.path().steps()) {
        full.add(step instanceof FieldPath.Index index ? new Reference(null, index.index())
            : new Reference(null, step instanceof FieldPath.Name name ? name.name() : ((FieldPath.Key) step).key()));
      }
      return new BindingError(position, full, refused.what(), refused.fix());
    }
    if (error instanceof ValueInstantiationException instantiation
        && instantiation.getType().getRawClass() == type.javaType()) {
      // Otherwise the fact records reject only a missing or blank id.
      String fix = "give each " + type.wireName() + " a unique, non-blank 'id'";
      boolean blank = instantiation.getCause() instanceof IllegalArgumentException;
      return new BindingError(elementStart, List.of(), blank ? "the id is blank" : "missing id", fix);
    }
    if (error instanceof InvalidDefinitionException) {
      throw new IllegalStateException("the inventory reader cannot bind " + type.javaType().getName(), error);
    }
    if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return mismatch(mismatch.getTargetType(), parser, position, path);
    }
    return new BindingError(position, path, firstLine(error.getOriginalMessage()), null);
  }

  private static BindingError mismatch(Class<?> target, TrackingParser parser, @Nullable TextPosition position,
      List<Reference> path) throws IOException {
    String found = Found.describe(parser);
    if (Collection.class.isAssignableFrom(target)) {
      return new BindingError(position, path, "expected a list but found " + found,
          "write a list, e.g. [a, b], or one '- ' line per entry");
    }
    if (target.isRecord()) {
      List<String> fields = FactModel.fieldNames(target);
      String example = fields.isEmpty() ? "" : ", e.g. '" + fields.get(0) + "'";
      return new BindingError(position, path, "expected an object but found " + found,
          "write its fields" + example + ", as name: value pairs under it");
    }
    if (Map.class.isAssignableFrom(target)) {
      return new BindingError(position, path, "expected named values but found " + found,
          "write name: value pairs");
    }
    return new BindingError(position, path, "unexpected value " + found, null);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "invalid value";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
