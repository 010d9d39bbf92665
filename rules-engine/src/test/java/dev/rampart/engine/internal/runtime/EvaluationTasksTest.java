package dev.rampart.engine.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An evaluation keeps its tasks until its report is built; the tasks must not keep what their work
 * captured by then (a shard's devices), or a streamed fleet is held whole: at 1M devices that ran a
 * 2 GiB heap out of memory.
 */
class EvaluationTasksTest {

  private static final int SHARD_BYTES = 16 * 1024 * 1024;

  @Test
  void aFinishedTaskKeepsItsResultButNotWhatItsWorkCaptured() throws InterruptedException {
    EvaluationTasks tasks = new EvaluationTasks(Runnable::run, Long.MAX_VALUE);
    List<WeakReference<byte[]>> captured = new ArrayList<>();
    EvaluationTasks.Task<Integer> task = submitCapturingAShard(tasks, captured);

    assertEquals(EvaluationTasks.Stop.NONE, tasks.await("the test's tasks"));
    assertEquals(SHARD_BYTES, task.result());
    assertTrue(collected(captured.get(0)), "the task still holds the shard its work captured");
  }

  /** In a frame of its own, so that nothing but the work refers to the shard. */
  private static EvaluationTasks.Task<Integer> submitCapturingAShard(
      EvaluationTasks tasks, List<WeakReference<byte[]>> captured) {
    byte[] shard = new byte[SHARD_BYTES];
    captured.add(new WeakReference<>(shard));
    return tasks.submit(() -> shard.length);
  }

  private static boolean collected(WeakReference<byte[]> reference) throws InterruptedException {
    for (int i = 0; i < 20 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    return reference.get() == null;
  }
}
