package dev.rampart.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.value.PackLoadException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/embedding.md's engine for a service: compiled at build() on the caller's executor, which stays the caller's. */
class ServiceEngineTest {

  @TempDir Path dir;

  @Test
  void compilesOnTheCallersExecutorAndLeavesItRunning() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger tasks = new AtomicInteger();
    try {
      ComplianceEngine engine = ServiceEngine.build(EvaluateInventoryTest.DOCUMENTED_DAY, task -> {
        tasks.incrementAndGet();
        pool.execute(task);
      });

      assertTrue(tasks.get() > 0, "compileEagerly(true) compiles the rule bases on the executor given");
      assertFalse(pool.isShutdown());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      EvaluateInventory.run(engine, EvaluateInventoryTest.EXAMPLE_INVENTORY, dir.resolve("rampart.json"),
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertEquals("29 facts, 92 rules, evaluated at 2026-11-25T00:00:00Z",
          EvaluateInventoryTest.text(out).lines().findFirst().orElseThrow());
      assertEquals(4, pool.submit(() -> 2 + 2).get(), "the engine never shuts the executor down");
    } finally {
      pool.shutdownNow();
    }
  }
}
