package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The Jackson module that gives every scalar of the fact model the inventory format's strict rules,
 * and shares the parts of facts that repeat.
 */
final class FactModelModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  FactModelModule() {
    super("rampart-inventory");
    addDeserializer(String.class, new TextDeserializer());
    addDeserializer(Integer.class, new WholeNumberDeserializer());
    addDeserializer(Boolean.class, new TrueFalseDeserializer());
    addDeserializer(LocalDate.class, new DateDeserializer());
    addDeserializer(Instant.class, new InstantDeserializer());
    // The only maps in the model are the facts' attributes.
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Map<String, Object>> mapType = (Class) Map.class;
    addDeserializer(mapType, new AttributesDeserializer());
    for (Class<?> type : FactModel.enumTypes()) {
      addEnum(type.asSubclass(Enum.class));
    }
    setDeserializerModifier(new RecordDeserializers());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void addEnum(Class<? extends Enum> type) {
    addDeserializer((Class) type, new WireNameEnumDeserializer(type));
  }
}
