package org.funcx.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.funcx.slurm.SlurmRestException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Failures of the real slurmrestd become typed {@link SlurmRestException}s, promptly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlurmRestErrorsIT {
  private static final long UNKNOWN_JOB_ID = 999_999_999L;
  private static RealSlurmCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RealSlurmCluster.start();
  }

  @Test
  void querying_an_unknown_job_fails_as_unknown_job() {
    SlurmRestException failure =
        catchThrowableOfType(SlurmRestException.class, () -> cluster.client().job(UNKNOWN_JOB_ID));

    assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_JOB);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.slurmErrorNumber()).hasValue(2017);
    assertThat(failure.jobId()).hasValue(UNKNOWN_JOB_ID);
    assertThat(failure)
        .hasMessageStartingWith("unknown Slurm job " + UNKNOWN_JOB_ID + ": GET /slurm/v0.0.38/job/")
        .hasMessageContaining("Unable to find JobId=" + UNKNOWN_JOB_ID);
  }

  @Test
  void cancelling_an_unknown_job_fails_as_unknown_job() {
    SlurmRestException failure =
        catchThrowableOfType(
            SlurmRestException.class, () -> cluster.client().cancel(UNKNOWN_JOB_ID));

    assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_JOB);
    assertThat(failure.jobId()).hasValue(UNKNOWN_JOB_ID);
    assertThat(failure).hasMessageContaining("DELETE /slurm/v0.0.38/job/" + UNKNOWN_JOB_ID);
  }

  @Test
  void a_token_that_is_not_a_jwt_is_rejected() {
    assertTokenRejected(withToken("not-a-token"));
  }

  @Test
  void a_jwt_signed_with_another_key_is_rejected(@TempDir Path workDir) {
    SlurmRestClient client = withToken(jwtSignedWithRandomKey(cluster.user()));
    assertTokenRejected(client);

    SlurmRestException onSubmit =
        catchThrowableOfType(
            SlurmRestException.class,
            () -> client.submitJob(cluster.jobRequest("#!/bin/sh\ntrue\n", workDir).build()));
    assertThat(onSubmit.reason()).isEqualTo(Reason.TOKEN_REJECTED_OR_CONTROLLER_DOWN);
  }

  @Test
  void a_missing_token_file_fails_before_any_request(@TempDir Path dir) {
    Path missing = dir.resolve("no-token");
    SlurmRestClient client =
        new SlurmRestClient(
            cluster.restUrl(), cluster.user(), SlurmRestClient.tokenFromFile(missing));

    SlurmRestException failure = catchThrowableOfType(SlurmRestException.class, client::jobs);

    assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(failure.httpStatus()).isZero();
    assertThat(failure).hasMessageContaining(missing.toString());
  }

  @Test
  void an_unknown_partition_is_rejected_with_slurms_message(@TempDir Path workDir) {
    JobRequest request =
        cluster.jobRequest("#!/bin/sh\ntrue\n", workDir).partition("no-such-partition").build();

    SlurmRestException failure =
        catchThrowableOfType(SlurmRestException.class, () -> cluster.client().submitJob(request));

    assertThat(failure.reason()).isEqualTo(Reason.REJECTED);
    assertThat(failure.slurmErrorNumber()).hasValue(2000);
    assertThat(failure).hasMessageContaining("Invalid partition name specified");
  }

  @Test
  void a_port_nobody_listens_on_is_reported_unreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SlurmRestClient client =
        new SlurmRestClient(
            URI.create("http://127.0.0.1:" + closedPort), cluster.user(), () -> "unused");

    SlurmRestException failure = catchThrowableOfType(SlurmRestException.class, client::ping);

    assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(failure.httpStatus()).isZero();
    assertThat(failure)
        .hasMessageStartingWith(
            "slurmrestd unreachable: GET /slurm/v0.0.38/ping got no HTTP answer");
  }

  private static void assertTokenRejected(SlurmRestClient client) {
    SlurmRestException failure = catchThrowableOfType(SlurmRestException.class, client::ping);

    assertThat(failure.reason()).isEqualTo(Reason.TOKEN_REJECTED_OR_CONTROLLER_DOWN);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure).hasMessageContaining("token rejected");
  }

  private static SlurmRestClient withToken(String token) {
    return new SlurmRestClient(cluster.restUrl(), cluster.user(), () -> token);
  }

  /** A well-formed HS256 token for {@code user} that slurmctld's jwt_key did not sign. */
  private static String jwtSignedWithRandomKey(String user) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String header =
        base64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        base64.encodeToString(
            ("{\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"sun\":\"" + user + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String signature =
          base64.encodeToString(
              mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
      return header + "." + claims + "." + signature;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
