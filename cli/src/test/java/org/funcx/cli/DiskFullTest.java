package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.jvm.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service's store on a small tmpfs that the test fills up: submissions get a clear 503 and
 * nothing half-accepted, results that cannot be stored are not acknowledged and arrive once space
 * is back, and the service never dies. Needs root (mount), as CI runs.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DiskFullTest {
  @Test
  void a_full_disk_refuses_work_clearly_and_loses_nothing() throws Exception {
    FuncxHome home = new FuncxHome(Files.createTempDirectory("funcx-diskfull-"));
    Path data = Files.createDirectories(home.serviceData());
    run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", data.toString());
    Path filler = data.resolve("filler");
    try (TestCluster cluster = new TestCluster(home, FreePorts.pick(), null)) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("disk", c -> c.withWorkers(1, 0));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);

      fill(filler);
      FuncXException refused = submitUntilRefused(client, nap, endpoint);
      assertThat(refused.status()).as(refused.getMessage()).isEqualTo(503);
      assertThat(refused.code()).isEqualTo("storage_unavailable");
      assertThat(client.version()).isNotBlank();

      Files.delete(filler);
      List<String> ids =
          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(
                  () ->
                      client
                          .submit(
                              nap.id(),
                              endpoint,
                              FaultToleranceTest.naps(200, 20),
                              TaskOptions.DEFAULT)
                          .taskIds(),
                  l -> l.size() == 200);
      await().atMost(Duration.ofSeconds(30)).until(() -> finished(client, ids) >= 10);
      fill(filler); // results of the running tasks now cannot be stored
      Thread.sleep(3_000);
      Files.delete(filler); // space is back: unacknowledged results are sent again
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> finished(client, ids) == ids.size());
      FaultToleranceTest.assertResultsAreTheInputs(ids, client.batchStatus(ids));
      assertThat(ProcessLauncher.alive(cluster.servicePid())).isTrue();
    } finally {
      run("umount", "-l", data.toString());
    }
  }

  private static long finished(FuncXClient client, List<String> ids) {
    return client.batchStatus(ids).values().stream().filter(TaskStatus::finished).count();
  }

  private static FuncXException submitUntilRefused(
      FuncXClient client, RegisteredFunction f, String endpoint) {
    for (int i = 0; i < 200; i++) {
      try {
        client.submit(f.id(), endpoint, FaultToleranceTest.naps(500, 1), TaskOptions.DEFAULT);
      } catch (FuncXException e) {
        return e;
      }
    }
    throw new AssertionError("the store never ran out of space");
  }

  /** Writes until the file system is full. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) out.write(block);
    } catch (IOException full) {
      // ENOSPC: exactly what we wanted
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
  }
}
