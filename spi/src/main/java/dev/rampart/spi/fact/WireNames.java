package dev.rampart.spi.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one mapping between the fact model's enum constants and their lowerCamelCase names in
 * inventory files and rule packs ({@code API_KEY} is {@code apiKey}, {@code IOT} is {@code iot}).
 */
public final class WireNames {

  private WireNames() {}

  /** The name of a constant as written in files, e.g. {@code apiKey}. */
  public static String of(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  /** Parses a name as written in files; exact match on the wire name. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equals(name)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** All wire names of an enum, in declaration order, for messages that list the valid choices. */
  public static List<String> all(Class<? extends Enum<?>> type) {
    List<String> names = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      names.add(of(constant));
    }
    return List.copyOf(names);
  }
}
