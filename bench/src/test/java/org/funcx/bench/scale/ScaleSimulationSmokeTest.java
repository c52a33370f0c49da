package org.funcx.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scale simulation at toy size, so the normal build proves the simulator still speaks the
 * wire protocol the interchange expects: every task answered exactly once, no manager lost.
 */
class ScaleSimulationSmokeTest {
  static {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }

  @Test
  @Timeout(20)
  void twoManagersOfTenSlotsAnswerAThousandTasks() throws Exception {
    ScaleScenario scenario = ScaleScenario.counted(2, 10, 1_000).withHeartbeatSeconds(0.2);

    ScaleResult result = InterchangeScaleRun.run(scenario);

    assertThat(result.tasksAnswered()).isEqualTo(1_000);
    assertThat(result.everyTaskAnsweredOnce()).as(result.toJson().toString()).isTrue();
    assertThat(result.managersLost()).isZero();
    assertThat(result.startupMillis()).isLessThan(Duration.ofSeconds(10).toMillis());
  }
}
