package dev.rampart.spi.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.Vocabulary;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The annotations on the records say what their constructors do: readers rely on {@link Format} to
 * check a value where it is written, the engine on {@link Canonical} to compare canonical values. Every
 * other text component is stripped, blank being absent.
 */
class FactFieldsTest {

  private static final Map<Vocabulary, List<String>> SPELLING = Map.of(
      Vocabulary.PROTOCOL, List.of("Telnet", "telnet"),
      Vocabulary.TLS_VERSION, List.of("TLSv1.0", "1.0"),
      Vocabulary.KEY_ALGORITHM, List.of("rsaEncryption", "RSA"),
      Vocabulary.SIGNATURE_ALGORITHM, List.of("sha1WithRSAEncryption", "SHA1withRSA"),
      Vocabulary.AUTH_SCHEME, List.of("Basic realm=\"WebAdmin\"", "basic"));

  static Stream<RecordComponent> components() {
    Set<Class<?>> records = new LinkedHashSet<>();
    for (FactType type : FactType.values()) {
      collect(type.javaType(), records);
    }
    return records.stream().flatMap(record -> Stream.of(record.getRecordComponents()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("components")
  void theConstructorDoesWhatTheComponentSays(RecordComponent component) throws Exception {
    Format format = component.getAnnotation(Format.class);
    Canonical canonical = component.getAnnotation(Canonical.class);
    boolean list = component.getType() == List.class;
    if (format != null) {
      Object invalid = format.value().isNumber() ? (Object) (int) (format.value().min() - 1) : "999.1.1.1";
      Throwable refused = assertThrows(InvocationTargetException.class,
          () -> build(component, list ? List.of(invalid) : invalid)).getCause();
      InvalidFactException e = assertInstanceOf(InvalidFactException.class, refused);
      assertEquals(new FieldPath.Name(component.getName()), e.path().first());
    } else if (canonical != null) {
      List<String> spelling = SPELLING.get(canonical.value());
      Object written = list ? List.of(spelling.get(0), " ") : spelling.get(0);
      Object expected = list ? List.of(spelling.get(1)) : spelling.get(1);
      assertEquals(expected, component.getAccessor().invoke(build(component, written)));
    } else if (component.getType() == String.class && !component.getName().equals("id")) {
      assertEquals("x", component.getAccessor().invoke(build(component, " x ")));
      assertEquals(null, component.getAccessor().invoke(build(component, " ")));
    } else if (list && isTextList(component)) {
      assertEquals(List.of("x"), component.getAccessor().invoke(build(component, List.of(" x ", " "))));
    }
  }

  private static boolean isTextList(RecordComponent component) {
    return component.getGenericType() instanceof ParameterizedType type
        && type.getActualTypeArguments()[0] == String.class;
  }

  /** The component's record with this value and every other component unknown (an id where one is needed). */
  private static Object build(RecordComponent component, Object value) throws Exception {
    Class<?> record = component.getAccessor().getDeclaringClass();
    RecordComponent[] all = record.getRecordComponents();
    Class<?>[] types = new Class<?>[all.length];
    Object[] args = new Object[all.length];
    for (int i = 0; i < all.length; i++) {
      types[i] = all[i].getType();
      if (all[i].getName().equals(component.getName())) {
        args[i] = value;
      } else if (all[i].getName().equals("id")) {
        args[i] = "x";
      } else if (all[i].getType() == Map.class) {
        args[i] = Map.of();
      }
    }
    Constructor<?> constructor = record.getDeclaredConstructor(types);
    return constructor.newInstance(args);
  }

  private static void collect(Class<?> type, Set<Class<?>> records) {
    if (!type.isRecord() || !records.add(type)) {
      return;
    }
    List<Class<?>> nested = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      nested.add(component.getType());
      if (component.getGenericType() instanceof ParameterizedType parameterized
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
        nested.add(element);
      }
    }
    nested.forEach(next -> collect(next, records));
  }
}
