package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One multipart message of endless small frames (each under the frame bound, MORE always set),
 * sent by a stranger over a raw TCP socket to a real agent's manager port and to the service's
 * forwarder port ({@link EndlessMultipartAttacker}). ZeroMQ buffers a message's frames until its
 * last one; before the manager link was CURVE, the agent buffered them until its 1 GiB heap was
 * full and it died (7.7 million frames, 77 MB on the wire). Now the manager port is a PLAIN server
 * and the forwarder a CURVE server, each with a ZAP handler admitting only known credentials: the
 * stranger's NULL greeting is refused, its connection dropped before one frame of the message gets
 * out, and the same agent and service go on serving; tasks accepted before the attack all finish.
 * (A PLAIN stranger with a wrong token: ManagerAuthenticationTest.)
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EndlessMultipartTest {
  /** Far more than the agent's 1 GiB heap can hold as frame objects (~10 wire bytes each). */
  private static final long BUDGET_BYTES = 8L << 30;

  @Test
  void an_endless_message_is_dropped_at_the_handshake_and_the_agent_and_service_keep_serving()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      String endpointId = cluster.startEndpoint("target", c -> c.withWorkers(1, 0));
      FuncXClient client = cluster.client();
      RegisteredFunction nap =
          client.register(
              "long nap(long ms) throws InterruptedException { Thread.sleep(ms); return ms; }");
      RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
      // Accepted before the attacks; the worker runs them one after another while they go on.
      List<String> before = new ArrayList<>();
      for (long ms = 100; ms <= 2_000; ms += 100) before.add(submit(client, nap, endpointId, ms));
      assertThat(result(client, before.get(0))).isEqualTo(100);

      long agent = cluster.agentPid("target");
      long service = cluster.servicePid();
      String managerPort = managerAddress(cluster.managerPids("target").get(0));
      var onManagerPort = EndlessMultipartAttacker.attack(managerPort, BUDGET_BYTES);
      String forwarderPort = client.endpointDetails(endpointId).forwarderAddress();
      var onForwarderPort = EndlessMultipartAttacker.attack(forwarderPort, BUDGET_BYTES);
      System.out.println(
          "endless message on the manager port: "
              + onManagerPort
              + "; on the forwarder port: "
              + onForwarderPort);

      // Dropped during the handshake: not one frame of the message got out (without the gate,
      // 7.7 million frames, 77 MB, went out before the agent died of a full heap).
      assertThat(onManagerPort.dropped()).as("%s", onManagerPort).isTrue();
      assertThat(onManagerPort.framesWritten()).as("%s", onManagerPort).isZero();
      assertThat(onForwarderPort.dropped()).as("%s", onForwarderPort).isTrue();
      assertThat(onForwarderPort.framesWritten()).as("%s", onForwarderPort).isZero();
      assertThat(cluster.agentPid("target")).as("the same agent, never restarted").isEqualTo(agent);
      assertThat(cluster.servicePid()).as("the same service").isEqualTo(service);

      assertThat(result(client, submit(client, sq, endpointId, 7))).isEqualTo(49);
      for (int i = 0; i < before.size(); i++) {
        assertThat(result(client, before.get(i))).isEqualTo(100L * (i + 1));
      }
      assertThat(cluster.agentPid("target")).isEqualTo(agent);
      Path agentLog = cluster.home.endpointDir("target").resolve("logs").resolve("agent.log");
      assertThat(Files.readString(agentLog)).doesNotContain("OutOfMemoryError");
    }
  }

  /** The interchange's address, from the manager's command line ({@code --interchange}). */
  private static String managerAddress(long managerPid) throws Exception {
    String[] args =
        new String(Files.readAllBytes(Path.of("/proc/" + managerPid + "/cmdline"))).split("\0");
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--interchange")) return args[i + 1];
    }
    throw new AssertionError("no --interchange on manager " + managerPid + "'s command line");
  }

  private static String submit(
      FuncXClient client, RegisteredFunction function, String endpointId, long argument) {
    return client
        .submit(function.id(), endpointId, List.of(argument), TaskOptions.DEFAULT)
        .taskIds()
        .get(0);
  }

  private static long result(FuncXClient client, String taskId) throws Exception {
    TaskStatus[] status = new TaskStatus[1];
    until("task " + taskId + " to finish", () -> (status[0] = client.task(taskId)).finished());
    assertThat(status[0].state()).as("%s", status[0]).isEqualTo(TaskState.SUCCESS);
    return status[0].result().getAsLong();
  }

  private static void until(String what, BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + what);
      Thread.sleep(50);
    }
  }
}
