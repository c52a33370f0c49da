package org.funcx.core.exec;

import org.funcx.core.json.Json;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * Encodes a function's result with {@link Json#GSON} and enforces the result size limit while
 * encoding (see {@link BoundedJsonText}; binary encoders stop at the limit too). A result
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

  ResultEncoder(
      String entryName, String generatedName, long maxResultBytes, BinaryResultEncoder binary) {
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
        PayloadTooLargeException tooLarge = PayloadTooLargeException.in(e);
        if (tooLarge != null) return tooLarge(tooLarge);
        return InvocationOutcome.failure(
            TaskError.of(
                ErrorKind.SERIALIZATION_ERROR,
                "the result of "
                    + entryName
                    + " cannot be encoded: "
                    + TextCut.message(e.getMessage())));
      }
    }
    // Written through a bounded sink: encoding stops at the limit, the whole text never exists.
    BoundedJsonText json = new BoundedJsonText(maxResultBytes);
    try {
      Json.GSON.toJson(result, json);
    } catch (RuntimeException | StackOverflowError e) {
      PayloadTooLargeException tooLarge = PayloadTooLargeException.in(e);
      if (tooLarge != null) return tooLarge(tooLarge);
      String why =
          e instanceof StackOverflowError
              ? "it is nested too deeply or refers to itself"
              : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      String type = result.getClass().getName().replace(generatedName + "$", "");
      return InvocationOutcome.failure(
          TaskError.of(
              ErrorKind.SERIALIZATION_ERROR,
              "the result of "
                  + entryName
                  + " ("
                  + type
                  + ") cannot be encoded as JSON: "
                  + TextCut.message(why)));
    }
    return InvocationOutcome.success(json.toString());
  }

  private InvocationOutcome tooLarge(PayloadTooLargeException e) {
    return InvocationOutcome.failure(
        TaskError.of(
            ErrorKind.PAYLOAD_TOO_LARGE,
            "the result of "
                + entryName
                + " is over the limit of "
                + e.limitBytes()
                + " bytes of "
                + e.format()
                + " (encoding stopped there)"));
  }

  private InvocationOutcome checked(BinaryResultEncoder.BinaryResult encoded) {
    if (encoded.bytes().length > maxResultBytes) {
      return tooLarge(new PayloadTooLargeException(encoded.format(), maxResultBytes));
    }
    return new InvocationOutcome.BinarySuccess(encoded.format(), encoded.bytes());
  }
}
