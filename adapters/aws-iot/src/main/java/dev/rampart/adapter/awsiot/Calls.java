package dev.rampart.adapter.awsiot;

import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;

/** Makes the source's AWS calls, turning what the SDK throws after its retries into a problem that names the call. */
final class Calls {

  private final Failures failures;

  Calls(Failures failures) {
    this.failures = failures;
  }

  /** The source's description, which starts every message. */
  String source() {
    return failures.source();
  }

  /**
   * A problem that does not fail the read (a part of the answer that could not be read, whose
   * fields stay unknown), as a complete line: the source, the place, what is wrong and the fix.
   */
  String warning(String place, String what, String fix) {
    SourceProblems warning = new SourceProblems(source());
    warning.add(null, place, what, fix);
    return warning.inFileOrder().get(0);
  }

  /**
   * The call's answer.
   *
   * @param call what is done, e.g. {@code call iot:ListThings}
   * @param subject what it is done for, e.g. {@code for thing 'cam-01'}, or empty
   * @throws SourceException when the call failed after the SDK's retries
   */
  <T> T call(String call, String subject, Supplier<T> request) throws SourceException {
    try {
      return request.get();
    } catch (SdkException e) {
      throw failures.explain(e, call, subject);
    }
  }

  /**
   * Like {@link #call}, but {@code null} when AWS answers with the given error, which says that
   * what was asked for does not exist (deleted while the fleet was being read, never configured).
   */
  <T> @Nullable T callOrAbsent(String call, String subject, Class<? extends SdkException> absent,
      Supplier<T> request) throws SourceException {
    try {
      return request.get();
    } catch (SdkException e) {
      if (absent.isInstance(e)) {
        return null;
      }
      throw failures.explain(e, call, subject);
    }
  }

  /**
   * Every item of a paged list: asks for the first page, then for the page each answer's token
   * points to, until an answer has none.
   *
   * @param page asks for the page with the given token ({@code null} for the first)
   * @param items the page's items
   * @param next the page's next token, {@code null} or empty on the last page
   * @param absent the error that says the listed thing does not exist, or {@code null} when every
   *     error is a failure
   * @return the items, or {@code null} when AWS answered with {@code absent}
   */
  <R, T> @Nullable List<T> everyPage(String call, String subject, @Nullable Class<? extends SdkException> absent,
      Function<@Nullable String, R> page, Function<R, List<T>> items, Function<R, @Nullable String> next)
      throws SourceException {
    return pages(token -> absent == null ? call(call, subject, () -> page.apply(token))
        : callOrAbsent(call, subject, absent, () -> page.apply(token)), items, next);
  }

  /**
   * Every item of a paged list, the pages asked for as {@code page} says.
   *
   * @return the items, or {@code null} as soon as {@code page} answers {@code null}
   */
  static <R, T> @Nullable List<T> pages(Page<R> page, Function<R, List<T>> items, Function<R, @Nullable String> next)
      throws SourceException {
    List<T> all = new ArrayList<>();
    String token = null;
    do {
      R response = page.ask(token);
      if (response == null) {
        return null;
      }
      all.addAll(items.apply(response));
      token = next.apply(response);
    } while (token != null && !token.isEmpty());
    return all;
  }

  /** Asks for one page of a list. */
  @FunctionalInterface
  interface Page<R> {

    /**
     * The page with the given token ({@code null} for the first), or {@code null} when there is none to be had.
     *
     * @throws SourceException when the call failed
     */
    @Nullable R ask(@Nullable String token) throws SourceException;
  }
}
