package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a text record component (or a list of texts) whose values belong to a closed
 * {@link Vocabulary}: the fact's constructor brings each value to its canonical form, and the engine
 * compares such fields by canonical value and reports a value the vocabulary does not know.
 */
@API(status = INTERNAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Canonical {

  /** The vocabulary the values belong to. */
  Vocabulary value();
}
