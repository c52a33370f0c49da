package org.funcx.slurm;

import java.util.OptionalLong;

/**
 * A Slurm REST call that failed: what was called, the HTTP status (0 when no HTTP answer came),
 * Slurm's error number and message when slurmrestd sent one, and the job id when one was involved.
 */
public class SlurmRestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed, coarse enough for a caller to decide what to do next. */
  public enum Reason {
    /** The job id is not known to slurmctld (Slurm error 2017, "Invalid job id specified"). */
    UNKNOWN_JOB,
    /** slurmrestd refused the request's credentials (HTTP 401) or no token could be obtained. */
    AUTHENTICATION,
    /**
     * Slurm error -1 ("Unspecified error") or 5005 ("Zero Bytes were transmitted or received"):
     * slurmrestd 22.05 reports both an invalid or expired token and an unreachable slurmctld so.
     */
    TOKEN_REJECTED_OR_CONTROLLER_DOWN,
    /** Slurm rejected the request for another reason, e.g. an invalid partition (error 2000). */
    REJECTED,
    /** No HTTP answer: slurmrestd is not listening, or the connection broke. */
    UNREACHABLE,
    /** No answer within the request timeout. */
    TIMEOUT,
    /** The calling thread was interrupted while waiting for the answer (its flag is set again). */
    INTERRUPTED,
    /** An answer that could not be read, or that lacked what the call needs (e.g. the job id). */
    BAD_RESPONSE
  }

  private final Reason reason;
  private final String operation;
  private final int httpStatus;
  private final Long slurmErrorNumber;
  private final String slurmError;
  private final Long jobId;

  SlurmRestException(
      Reason reason,
      String operation,
      int httpStatus,
      Long slurmErrorNumber,
      String slurmError,
      Long jobId,
      Throwable cause) {
    super(describe(reason, operation, httpStatus, slurmErrorNumber, slurmError, jobId), cause);
    this.reason = reason;
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.slurmErrorNumber = slurmErrorNumber;
    this.slurmError = slurmError;
    this.jobId = jobId;
  }

  public Reason reason() {
    return reason;
  }

  /** The request, e.g. "GET /slurm/v0.0.38/job/42". */
  public String operation() {
    return operation;
  }

  /** The HTTP status slurmrestd answered with, or 0 when there was no HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Slurm's error number (e.g. 2017), when slurmrestd reported one. */
  public OptionalLong slurmErrorNumber() {
    return slurmErrorNumber == null ? OptionalLong.empty() : OptionalLong.of(slurmErrorNumber);
  }

  /** Slurm's error text (all errors of the answer, joined with "; "), or the failure's cause. */
  public String slurmError() {
    return slurmError;
  }

  /** The job the call was about, if any. */
  public OptionalLong jobId() {
    return jobId == null ? OptionalLong.empty() : OptionalLong.of(jobId);
  }

  private static String describe(
      Reason reason,
      String operation,
      int httpStatus,
      Long slurmErrorNumber,
      String slurmError,
      Long jobId) {
    StringBuilder text = new StringBuilder(headline(reason, jobId)).append(": ").append(operation);
    text.append(httpStatus == 0 ? " got no HTTP answer" : " answered HTTP " + httpStatus);
    if (slurmErrorNumber != null) {
      text.append(", Slurm error ").append(slurmErrorNumber);
    }
    if (slurmError != null && !slurmError.isBlank()) {
      text.append(" (").append(slurmError).append(')');
    }
    return text.toString();
  }

  private static String headline(Reason reason, Long jobId) {
    String job = jobId == null ? "" : " " + jobId;
    return switch (reason) {
      case UNKNOWN_JOB -> "unknown Slurm job" + job;
      case AUTHENTICATION -> "Slurm REST authentication failed";
      case TOKEN_REJECTED_OR_CONTROLLER_DOWN ->
          "Slurm REST token rejected or slurmctld down (slurmrestd 22.05 cannot tell which)";
      case REJECTED -> "Slurm rejected the request" + (jobId == null ? "" : " for job" + job);
      case UNREACHABLE -> "slurmrestd unreachable";
      case TIMEOUT -> "slurmrestd did not answer in time";
      case INTERRUPTED -> "interrupted while waiting for slurmrestd";
      case BAD_RESPONSE -> "unexpected answer from slurmrestd";
    };
  }
}
