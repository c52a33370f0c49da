package org.funcx.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.funcx.slurm.SlurmRestException.Reason;
import org.funcx.slurm.client.ApiException;
import org.funcx.slurm.client.model.V0038Error;

/** Turns the generated client's failures and slurmrestd's error lists into {@link SlurmRestException}. */
final class SlurmRestErrors {
  /** ESLURM_INVALID_JOB_ID: "Invalid job id specified". */
  static final long INVALID_JOB_ID = 2017;

  private static final long UNSPECIFIED_ERROR = -1;
  private static final long ZERO_BYTES_TRANSMITTED = 5005;

  /** One entry of an answer's "errors" list; slurmrestd names the number three different ways. */
  record SlurmError(Long number, String text) {}

  private final ObjectMapper mapper;

  SlurmRestErrors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  SlurmRestException fromApiException(String operation, Long jobId, ApiException failure) {
    if (failure.getCode() == 0) {
      return withoutHttpAnswer(
          operation, jobId, failure.getCause() != null ? failure.getCause() : failure);
    }
    List<SlurmError> errors = parseErrors(failure.getResponseBody());
    if (errors.isEmpty()) {
      String text =
          failure.getResponseBody() == null || failure.getResponseBody().isBlank()
              ? failure.getMessage()
              : failure.getResponseBody().strip();
      errors = List.of(new SlurmError(null, text));
    }
    return fromErrors(operation, jobId, failure.getCode(), errors, failure);
  }

  /** For a 2xx answer that still carries errors (the generated model keeps number and text). */
  SlurmRestException fromModelErrors(
      String operation, Long jobId, int status, List<V0038Error> errors) {
    List<SlurmError> converted =
        errors.stream()
            .map(error -> new SlurmError(error.getErrorNumber(), error.getError()))
            .toList();
    return fromErrors(operation, jobId, status, converted, null);
  }

  static SlurmRestException badResponse(String operation, Long jobId, int status, String what) {
    return new SlurmRestException(Reason.BAD_RESPONSE, operation, status, null, what, jobId, null);
  }

  static SlurmRestException noToken(String operation, String why, RuntimeException cause) {
    return new SlurmRestException(
        Reason.AUTHENTICATION, operation, 0, null, "no token to send: " + why, null, cause);
  }

  private static SlurmRestException fromErrors(
      String operation, Long jobId, int status, List<SlurmError> errors, Throwable cause) {
    Long number =
        errors.stream().map(SlurmError::number).filter(n -> n != null).findFirst().orElse(null);
    String text =
        errors.stream()
            .map(SlurmError::text)
            .filter(t -> t != null && !t.isBlank())
            .collect(Collectors.joining("; "));
    return new SlurmRestException(
        classify(status, errors), operation, status, number, text, jobId, cause);
  }

  private static Reason classify(int status, List<SlurmError> errors) {
    if (status == 401) {
      return Reason.AUTHENTICATION;
    }
    if (errors.stream().anyMatch(e -> e.number() != null && e.number() == INVALID_JOB_ID)) {
      return Reason.UNKNOWN_JOB;
    }
    boolean ambiguous =
        errors.stream()
            .anyMatch(
                e ->
                    e.number() != null
                        && (e.number() == UNSPECIFIED_ERROR
                            || e.number() == ZERO_BYTES_TRANSMITTED));
    return ambiguous ? Reason.TOKEN_REJECTED_OR_CONTROLLER_DOWN : Reason.REJECTED;
  }

  private static SlurmRestException withoutHttpAnswer(
      String operation, Long jobId, Throwable cause) {
    Reason reason;
    if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
      reason = Reason.UNREACHABLE;
    } else if (cause instanceof HttpTimeoutException) {
      reason = Reason.TIMEOUT;
    } else if (cause instanceof InterruptedException) {
      reason = Reason.INTERRUPTED;
    } else if (cause instanceof JsonProcessingException) {
      reason = Reason.BAD_RESPONSE;
    } else {
      reason = Reason.UNREACHABLE;
    }
    return new SlurmRestException(reason, operation, 0, null, cause.toString(), jobId, cause);
  }

  /** Reads {"errors": [...]} from an answer body; empty when the body is not such JSON. */
  private List<SlurmError> parseErrors(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    JsonNode errors;
    try {
      errors = mapper.readTree(body).path("errors");
    } catch (JsonProcessingException notJson) {
      return List.of();
    }
    List<SlurmError> parsed = new ArrayList<>();
    for (JsonNode error : errors) {
      parsed.add(new SlurmError(number(error), text(error)));
    }
    return parsed;
  }

  private static Long number(JsonNode error) {
    for (String field : List.of("error_number", "errno", "error_code")) {
      if (error.path(field).isIntegralNumber()) {
        return error.path(field).asLong();
      }
    }
    return null;
  }

  private static String text(JsonNode error) {
    String summary = error.path("error").asText("");
    String description = error.path("description").asText("");
    if (description.isBlank() || description.equals(summary)) {
      return summary;
    }
    return summary.isBlank() ? description : summary + ": " + description;
  }
}
