package org.funcx.endpoint.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.Messages.OutputChunk;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live output of running tasks, with real workers running real compiled functions: when more tasks
 * print than one message may follow, every one of them is followed in turn (the first ones in
 * the pool's order used to be the only ones).
 */
class WorkerPoolOutputTest {
  private static final String CHATTER =
      """
      String chatter(String stopFile) throws Exception {
        while (!java.nio.file.Files.exists(java.nio.file.Path.of(stopFile))) {
          System.out.println("still here");
          Thread.sleep(5);
        }
        return "done";
      }""";

  @Test
  void more_printing_tasks_than_one_message_holds_are_each_followed_in_turn(@TempDir Path dir)
      throws Exception {
    Path stop = dir.resolve("stop");
    List<ResultEnvelope> answers = new CopyOnWriteArrayList<>();
    TaskRunner runner = RealRunners.inDirectory(dir);
    runner.learn(new FunctionSpec("chatter-hash", "chatter", CHATTER));
    try (WorkerPool pool = new WorkerPool(3, List.of(), runner, answers::add, stuck -> {})) {
      String args = "[\"" + stop.toString().replace("\\", "\\\\") + "\"]";
      for (String id : List.of("t1", "t2", "t3")) {
        pool.submit(new TaskSpec(id, "chatter-hash", args, 0, "function-1"));
      }
      Set<String> followed = new HashSet<>();
      // One task's output per message here (max 1), taken as the manager does, every so often
      // (each task has printed again by then): a few messages' worth must reach all three.
      for (int calls = 0; followed.size() < 3 && calls < 1_000; calls++) {
        Thread.sleep(30);
        List<OutputChunk> chunks = pool.newOutput(1);
        assertThat(chunks).hasSizeLessThanOrEqualTo(1);
        chunks.forEach(c -> followed.add(c.taskId()));
      }
      assertThat(followed).containsExactlyInAnyOrder("t1", "t2", "t3");
      Files.createFile(stop);
      for (int i = 0; answers.size() < 3 && i < 3_000; i++) Thread.sleep(10);
      assertThat(answers)
          .extracting(ResultEnvelope::taskId)
          .containsExactlyInAnyOrder("t1", "t2", "t3");
    }
  }
}
