package org.funcx.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestTest {
  private static final Path DIR = Path.of("/tmp");

  @Test
  void a_request_without_environment_gets_only_a_default_path() {
    assertThat(JobRequest.builder("#!/bin/sh\ntrue", DIR).build().environment())
        .isEqualTo(Map.of("PATH", JobRequest.DEFAULT_PATH));
  }

  @Test
  void given_variables_replace_the_default_environment() {
    JobRequest request =
        JobRequest.builder("#!/bin/sh\ntrue", DIR).env("FUNCX_BLOCK", "b1").build();

    assertThat(request.environment()).isEqualTo(Map.of("FUNCX_BLOCK", "b1"));
  }

  @Test
  void the_time_limit_is_rounded_up_to_whole_minutes() {
    JobRequest.Builder builder = JobRequest.builder("#!/bin/sh\ntrue", DIR);

    assertThat(builder.timeLimit(Duration.ofSeconds(61)).build().timeLimitMinutes()).isEqualTo(2);
    assertThat(builder.timeLimit(Duration.ofMinutes(5)).build().timeLimitMinutes()).isEqualTo(5);
    assertThat(builder.timeLimit(null).build().timeLimitMinutes()).isNull();
  }

  @Test
  void a_script_without_interpreter_line_is_refused_before_slurm_sees_it() {
    assertThatThrownBy(() -> JobRequest.builder("sleep 1", DIR).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#!")
        .hasMessageContaining("sleep 1");
  }

  @Test
  void a_relative_working_directory_or_empty_allocation_is_refused() {
    assertThatThrownBy(() -> JobRequest.builder("#!/bin/sh", Path.of("work")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> JobRequest.builder("#!/bin/sh", DIR).cpusPerTask(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpusPerTask");
  }
}
