package org.funcx.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.funcx.slurm.client.ApiClient;
import org.funcx.slurm.client.ApiException;
import org.funcx.slurm.client.api.SlurmApi;
import org.funcx.slurm.client.model.V0038Error;
import org.funcx.slurm.client.model.V0038JobSubmissionResponse;
import org.funcx.slurm.client.model.V0038JobsResponse;
import org.funcx.slurm.client.model.V0038Pings;

/**
 * Typed calls to slurmrestd's v0.0.38 API (Slurm 22.05) with JWT authentication, built on the
 * client generated from {@code src/main/openapi/slurmrestd-v0.0.38.json}.
 *
 * <p>Every failure is a {@link SlurmRestException}; none hangs longer than the request timeout.
 * Instances are immutable and thread-safe; the token supplier is asked once per call, so a
 * re-minted token file is picked up without a new client.
 */
public final class SlurmRestClient {
  public static final String API_VERSION = "v0.0.38";
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String API_PATH = "/slurm/" + API_VERSION;

  private final URI baseUrl;
  private final String user;
  private final Supplier<String> token;
  private final SlurmApi api;
  private final SlurmRestErrors errors;

  /** A client for slurmrestd at {@code baseUrl} (e.g. http://127.0.0.1:6820) acting as {@code user}. */
  public SlurmRestClient(URI baseUrl, String user, Supplier<String> token) {
    this(baseUrl, user, token, DEFAULT_REQUEST_TIMEOUT);
  }

  /** As {@link #SlurmRestClient(URI, String, Supplier)}, waiting at most {@code requestTimeout} per call. */
  public SlurmRestClient(
      URI baseUrl, String user, Supplier<String> token, Duration requestTimeout) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.user = Objects.requireNonNull(user, "user");
    this.token = Objects.requireNonNull(token, "token");
    // slurmrestd 22.05 speaks HTTP/1.1 only and answers in YAML unless JSON is the only choice.
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT);
    ApiClient generated =
        new ApiClient(
            http, ApiClient.createDefaultObjectMapper(), baseUrl.toString().replaceAll("/+$", ""));
    generated.setReadTimeout(Objects.requireNonNull(requestTimeout, "requestTimeout"));
    generated.setRequestInterceptor(request -> request.setHeader("Accept", "application/json"));
    this.api = new SlurmApi(generated);
    this.errors = new SlurmRestErrors(generated.getObjectMapper());
  }

  /** A token supplier that re-reads {@code file} (as written by scripts/slurm/start.sh) on every call. */
  public static Supplier<String> tokenFromFile(Path file) {
    return () -> {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Slurm token file " + file, e);
      }
    };
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** Submits a batch job and returns its id. */
  public long submitJob(JobRequest request) {
    String operation = "POST " + API_PATH + "/job/submit";
    V0038JobSubmissionResponse answer =
        call(
            operation,
            null,
            headers -> api.slurmV0038SubmitJob(GeneratedModels.toSubmission(request), headers));
    failOnErrors(operation, null, answer == null ? null : answer.getErrors());
    if (answer == null || answer.getJobId() == null) {
      throw SlurmRestErrors.badResponse(operation, null, 200, "the answer carries no job_id");
    }
    return answer.getJobId();
  }

  /**
   * The job's current state, reason and nodes. An unknown id fails with
   * {@link SlurmRestException.Reason#UNKNOWN_JOB}; so does an ended job once slurmctld's MinJobAge
   * (300 s by default) has passed and it forgot the job.
   */
  public SlurmJob job(long jobId) {
    String operation = "GET " + API_PATH + "/job/" + jobId;
    V0038JobsResponse answer =
        call(operation, jobId, headers -> api.slurmV0038GetJob(Long.toString(jobId), headers));
    return jobsIn(operation, jobId, answer).stream()
        .filter(job -> job.id() == jobId)
        .findFirst()
        .orElseThrow(
            () ->
                SlurmRestErrors.badResponse(
                    operation, jobId, 200, "the answer does not list the job"));
  }

  /** Cancels the job (SIGKILL to all its steps, as scancel does); cancelling an ended job is accepted by Slurm. */
  public void cancel(long jobId) {
    call(
        "DELETE " + API_PATH + "/job/" + jobId,
        jobId,
        headers -> {
          api.slurmV0038CancelJob(Long.toString(jobId), null, headers);
          return null;
        });
  }

  /** All jobs slurmctld still knows, including ended ones until MinJobAge passes. */
  public List<SlurmJob> jobs() {
    String operation = "GET " + API_PATH + "/jobs";
    return jobsIn(
        operation, null, call(operation, null, headers -> api.slurmV0038GetJobs(null, headers)));
  }

  /** Asks slurmrestd to ping the controllers; fails if slurmrestd does not answer or rejects the token. */
  public List<ControllerPing> ping() {
    String operation = "GET " + API_PATH + "/ping";
    V0038Pings answer = call(operation, null, headers -> api.slurmV0038Ping(headers));
    failOnErrors(operation, null, answer == null ? null : answer.getErrors());
    return answer == null || answer.getPings() == null
        ? List.of()
        : answer.getPings().stream().map(GeneratedModels::toPing).toList();
  }

  @FunctionalInterface
  private interface GeneratedCall<T> {
    T run(Map<String, String> headers) throws ApiException;
  }

  private <T> T call(String operation, Long jobId, GeneratedCall<T> generatedCall) {
    String currentToken;
    try {
      currentToken = token.get();
    } catch (RuntimeException e) {
      throw SlurmRestErrors.noToken(operation, e.toString(), e);
    }
    if (currentToken == null || currentToken.isBlank()) {
      throw SlurmRestErrors.noToken(operation, "the token supplier returned no token", null);
    }
    Map<String, String> headers =
        Map.of("X-SLURM-USER-NAME", user, "X-SLURM-USER-TOKEN", currentToken);
    try {
      return generatedCall.run(headers);
    } catch (ApiException e) {
      throw errors.fromApiException(operation, jobId, e);
    }
  }

  private List<SlurmJob> jobsIn(String operation, Long jobId, V0038JobsResponse answer) {
    failOnErrors(operation, jobId, answer == null ? null : answer.getErrors());
    return answer == null || answer.getJobs() == null
        ? List.of()
        : answer.getJobs().stream().map(GeneratedModels::toJob).toList();
  }

  private void failOnErrors(String operation, Long jobId, List<V0038Error> reported) {
    if (reported != null && !reported.isEmpty()) {
      throw errors.fromModelErrors(operation, jobId, 200, reported);
    }
  }
}
