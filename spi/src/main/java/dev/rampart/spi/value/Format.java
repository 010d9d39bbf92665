package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a record component (a text, a list of texts or a whole number) whose values have a checked
 * {@link ValueFormat}: the fact's constructor refuses a value not of that form and keeps the others in
 * canonical text; readers use it to check a value where it is written, with its line and column.
 */
@API(status = INTERNAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Format {

  /** The form the values have. */
  ValueFormat value();
}
