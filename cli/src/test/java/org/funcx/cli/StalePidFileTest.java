package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./funcx down} (a CLI process) stops supervisors, service, agents and managers, and
 * leaves no process; pid files that name another live process (a {@code sleep} this test
 * started, as if its pid had been reused) are removed with a message and never signalled.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StalePidFileTest {

  @Test
  void down_leaves_no_process_and_signals_no_stranger_named_by_a_stale_pid_file() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "600").start();
    try (TestCluster cluster = new TestCluster()) {
      cluster.startEndpoint("real", c -> c.withWorkers(1, 0));
      List<Long> groups = new ArrayList<>();
      for (Supervision s :
          List.of(cluster.service.supervision(), cluster.endpoints.supervision("real"))) {
        groups.add(s.supervisor().orElseThrow().pid());
        groups.add(s.child().orElseThrow().pid());
      }
      groups.addAll(cluster.managerPids("real"));

      // endpoint "ghost" once ran; its pid is now the sleep's: same pid, another process
      cluster.endpoints.configure("ghost", cluster.url);
      Supervision ghost = cluster.endpoints.supervision("ghost");
      ProcessIdentity reused =
          new ProcessIdentity(sleep.pid(), 1L, 1_000L, Supervisor.class.getName());
      reused.write(ghost.supervisorFile());
      new SupervisorStatus(
              SupervisorStatus.RUNNING,
              new ProcessIdentity(sleep.pid(), 1L, 1_000L, EndpointControl.AGENT_CLASS),
              0,
              null,
              null,
              0,
              0,
              0)
          .write(ghost.statusFile());
      Files.writeString(cluster.home.endpointDir("ghost").resolve("agent.pid"), sleep.pid() + "\n");

      CliProcess stop = CliProcess.run(cluster.home, "endpoint", "stop", "ghost");
      assertThat(stop.out()).contains("endpoint ghost was not running");
      assertThat(stop.err())
          .contains("removed stale pid file " + ghost.supervisorFile())
          .contains("pid " + sleep.pid() + " is now another process (sleep 600)")
          .contains("nothing was signalled");
      assertThat(sleep.isAlive()).isTrue();

      reused.write(ghost.supervisorFile());
      CliProcess down = CliProcess.run(cluster.home, "down");
      assertThat(down.exitCode()).isZero();
      assertThat(down.out()).contains("stopped endpoint real").contains("stopped the service");
      assertThat(sleep.isAlive()).as("the stranger named by a stale pid file").isTrue();
      for (long group : groups) {
        assertThat(ProcessLauncher.groupAlive(group)).as("process group %d", group).isFalse();
      }
      assertThat(Files.exists(ghost.supervisorFile())).isFalse();
    } finally {
      sleep.destroyForcibly();
    }
  }
}
