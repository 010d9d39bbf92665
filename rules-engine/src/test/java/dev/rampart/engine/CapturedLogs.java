package dev.rampart.engine;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of this module's tests: silent, except that while a {@link Capture} is open it
 * enables every level (TRACE included) for the loggers under the capture's prefix and keeps each
 * line formatted as a real backend would, arguments rendered with their {@code toString()}.
 */
public final class CapturedLogs implements SLF4JServiceProvider {

  private static volatile Capture open;

  private final ILoggerFactory loggers = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Enables every level for the loggers whose names start with {@code prefix} until the capture is closed. */
  static Capture capture(String prefix) {
    Capture capture = new Capture(Objects.requireNonNull(prefix, "prefix"));
    open = capture;
    return capture;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** What the loggers under a prefix said while it was open. */
  static final class Capture implements AutoCloseable {

    private final String prefix;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    private Capture(String prefix) {
      this.prefix = prefix;
    }

    /** Every line logged, as {@code LEVEL logger: message}. */
    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      open = null;
    }

    private boolean covers(String logger) {
      return logger.startsWith(prefix);
    }
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    private boolean enabled() {
      Capture capture = open;
      return capture != null && capture.covers(name);
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled();
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled();
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled();
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled();
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
      Capture capture = open;
      if (capture == null || !capture.covers(name)) {
        return;
      }
      String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
      capture.lines.add(level + " " + name + ": " + message + (throwable == null ? "" : " " + throwable));
    }
  }
}
