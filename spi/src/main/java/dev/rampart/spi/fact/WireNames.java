package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one mapping between the fact model's enum constants and their lowerCamelCase names in
 * inventory files and rule packs ({@code API_KEY} is {@code apiKey}, {@code IOT} is {@code iot}).
 */
@API(status = INTERNAL, since = "0.1")
public final class WireNames {

  // Readers and the engine look names up once per value, so each enum's names are worked out once.
  private static final ClassValue<EnumNames> NAMES = new ClassValue<>() {
    @Override
    protected EnumNames computeValue(Class<?> type) {
      return new EnumNames(type);
    }
  };

  private WireNames() {}

  /** The name of a constant as written in files, e.g. {@code apiKey}. */
  public static String of(Enum<?> constant) {
    return NAMES.get(constant.getDeclaringClass()).byOrdinal[constant.ordinal()];
  }

  /** Parses a name as written in files; exact match on the wire name. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    return Optional.ofNullable(type.cast(NAMES.get(type).byName.get(name)));
  }

  /** All wire names of an enum, in declaration order, for messages that list the valid choices. */
  public static List<String> all(Class<? extends Enum<?>> type) {
    return NAMES.get(type).all;
  }

  private static String wireName(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  /** The wire names of one enum type, by ordinal and by name. */
  private static final class EnumNames {

    private final String[] byOrdinal;
    private final Map<String, Enum<?>> byName;
    private final List<String> all;

    EnumNames(Class<?> type) {
      Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
      if (constants == null) {
        throw new IllegalArgumentException(type.getName() + " is not an enum type");
      }
      byOrdinal = new String[constants.length];
      byName = new HashMap<>();
      for (Enum<?> constant : constants) {
        String name = wireName(constant);
        byOrdinal[constant.ordinal()] = name;
        byName.putIfAbsent(name, constant);
      }
      all = List.of(byOrdinal);
    }
  }
}
