package org.funcx.service.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.json.Json;

/**
 * Requests of one client address in progress at once, at most {@code limit}: one more is answered
 * 429 {@code too_many_concurrent_requests} (with {@code Retry-After}, connection closed) at once,
 * so no single address can take every Jetty thread, however slowly it sends. Behind a proxy all
 * clients share its address.
 */
final class RequestsPerAddress implements Filter {
  private final int limit;
  private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();

  RequestsPerAddress(int limit) {
    this.limit = limit;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String address = request.getRemoteAddr();
    if (inProgress.merge(address, 1, Integer::sum) > limit) {
      leave(address);
      refuse((HttpServletResponse) response, address);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      leave(address);
    }
  }

  private void leave(String address) {
    inProgress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  private void refuse(HttpServletResponse response, String address) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", "1");
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            Json.GSON
                .toJson(
                    ApiServer.error(
                        429,
                        "too_many_concurrent_requests",
                        "more than "
                            + limit
                            + " requests from "
                            + address
                            + " in progress at once; retry when one has finished",
                        Map.of("limit", limit)))
                .getBytes(StandardCharsets.UTF_8));
  }
}
