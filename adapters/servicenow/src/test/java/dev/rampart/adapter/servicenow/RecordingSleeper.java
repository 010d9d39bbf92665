package dev.rampart.adapter.servicenow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Notes each wait between attempts instead of waiting, so that retries take no time in tests. */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
