package dev.rampart.sources.merge;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.fact.IdentityPool;
import dev.rampart.spi.fact.Ref;
import dev.rampart.spi.fact.RoleAlias;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceAccess;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What makes two elements of a list one element, for the lists that merge as a union: services by
 * port and transport, certificates by SHA-256 fingerprint, device registries and identity pools by id,
 * role aliases by name, a role's service accesses by service, and addresses, destinations and
 * references to other facts by their value. Lists of other things (TLS versions, subject alternative
 * names) are one value each and merge by source precedence.
 */
final class ElementIdentity {

  private static final Set<Class<?>> IDENTIFIED_RECORDS = Set.of(Service.class, Certificate.class,
      DeviceRegistry.class, IdentityPool.class, RoleAlias.class, ServiceAccess.class);
  private static final Set<ValueFormat> IDENTIFIED_TEXT = Set.of(ValueFormat.IP_ADDRESS, ValueFormat.DESTINATION);

  private final Class<?> elementType;

  private ElementIdentity(Class<?> elementType) {
    this.elementType = elementType;
  }

  /** The identity of the elements of a list component, if its elements have one. */
  static Optional<ElementIdentity> of(RecordComponent component) {
    Class<?> element = elementType(component);
    if (IDENTIFIED_RECORDS.contains(element)) {
      return Optional.of(new ElementIdentity(element));
    }
    if (element != String.class) {
      return Optional.empty();
    }
    Format format = component.getAnnotation(Format.class);
    boolean identified = component.isAnnotationPresent(Ref.class)
        || (format != null && IDENTIFIED_TEXT.contains(format.value()));
    return identified ? Optional.of(new ElementIdentity(element)) : Optional.empty();
  }

  Class<?> elementType() {
    return elementType;
  }

  /**
   * The key of an element, e.g. {@code 3306/tcp} for a service; {@code null} when the element lacks
   * what identifies it (a service without a port or transport, a certificate without a fingerprint),
   * so it can only be the same as an equal element.
   */
  @Nullable String key(Object element) {
    if (element instanceof Service service) {
      return service.port() == null || service.transport() == null ? null
          : service.port() + "/" + WireNames.of(service.transport());
    }
    if (element instanceof Certificate certificate) {
      return certificate.sha256Fingerprint();
    }
    if (element instanceof DeviceRegistry registry) {
      return registry.id();
    }
    if (element instanceof IdentityPool pool) {
      return pool.id();
    }
    if (element instanceof RoleAlias alias) {
      return alias.name();
    }
    if (element instanceof ServiceAccess access) {
      return access.service();
    }
    return element.toString();
  }

  private static @Nullable Class<?> elementType(RecordComponent component) {
    Type type = component.getGenericType();
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return null;
  }
}
