package org.funcx.core.exec;

import java.nio.charset.StandardCharsets;
import org.funcx.core.json.Json;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * Encodes a function's result with {@link Json#GSON} and enforces the result size limit. A result
 * Gson cannot encode (a cycle, a JDK type it may not reflect on) is the function's problem, reported
 * as SERIALIZATION_ERROR rather than crashing the worker.
 */
final class ResultEncoder {
  /** No limit on the encoded result. */
  static final long UNLIMITED = Long.MAX_VALUE;

  private final String entryName;
  private final String generatedName;
  private final long maxResultBytes;
  private final BinaryResultEncoder binary;

  ResultEncoder(String entryName, String generatedName, long maxResultBytes,
      BinaryResultEncoder binary) {
    if (maxResultBytes <= 0) throw new IllegalArgumentException("maxResultBytes must be positive");
    this.entryName = entryName;
    this.generatedName = generatedName;
    this.maxResultBytes = maxResultBytes;
    this.binary = binary;
  }

  InvocationOutcome encode(Object result) {
    if (binary != null && result != null) {
      try {
        BinaryResultEncoder.BinaryResult encoded = binary.encode(result);
        if (encoded != null) return checked(encoded);
      } catch (Exception e) {
        return InvocationOutcome.failure(TaskError.of(ErrorKind.SERIALIZATION_ERROR,
            "the result of " + entryName + " cannot be encoded: " + e.getMessage()));
      }
    }
    String json;
    try {
      json = Json.GSON.toJson(result);
    } catch (RuntimeException | StackOverflowError e) {
      String why = e instanceof StackOverflowError ? "it is nested too deeply or refers to itself"
          : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      String type = result.getClass().getName().replace(generatedName + "$", "");
      return InvocationOutcome.failure(TaskError.of(ErrorKind.SERIALIZATION_ERROR,
          "the result of " + entryName + " (" + type + ") cannot be encoded as JSON: " + why));
    }
    if (maxResultBytes != UNLIMITED && (long) json.length() * 3 > maxResultBytes) {
      long bytes = json.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxResultBytes) {
        return InvocationOutcome.failure(TaskError.of(ErrorKind.PAYLOAD_TOO_LARGE,
            "the result of " + entryName + " is " + bytes + " bytes of JSON, over the limit of "
                + maxResultBytes + " bytes"));
      }
    }
    return InvocationOutcome.success(json);
  }

  private InvocationOutcome checked(BinaryResultEncoder.BinaryResult encoded) {
    if (encoded.bytes().length > maxResultBytes) {
      return InvocationOutcome.failure(TaskError.of(ErrorKind.PAYLOAD_TOO_LARGE,
          "the result of " + entryName + " is " + encoded.bytes().length + " bytes of "
              + encoded.format() + ", over the limit of " + maxResultBytes + " bytes"));
    }
    return new InvocationOutcome.BinarySuccess(encoded.format(), encoded.bytes());
  }
}
