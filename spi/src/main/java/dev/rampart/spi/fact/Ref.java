package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a record component that holds the id (or ids) of another fact.
 *
 * <p>Rules follow the reference by the component's name without its {@code Id}/{@code Ids} suffix:
 * {@code vendorId} is followed as {@code vendor}, {@code networkIds} as {@code networks}.
 */
@API(status = INTERNAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Ref {

  /** The type of fact the id points to. */
  FactType value();
}
