package org.funcx.service.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.funcx.core.json.Json;

/**
 * Errors that Jetty answers before a route runs (an unparseable URI, a header too large) in the
 * API's one JSON error shape, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.getOutputStream().write(body(code, message).getBytes(StandardCharsets.UTF_8));
  }

  private static String body(int status, String reason) {
    String code =
        switch (status) {
          case 400 -> "bad_request";
          case 404 -> "no_such_route";
          case 413 -> "payload_too_large";
          case 431 -> "headers_too_large";
          default -> "http_" + status;
        };
    return Json.GSON.toJson(
        ApiServer.error(
            status,
            code,
            "the request was refused before routing: " + (reason == null ? "bad request" : reason),
            Map.of()));
  }
}
