package org.funcx.magics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.RegisteredFunction;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.magics.remote.Failures;
import org.funcx.magics.remote.TaskLog;
import org.funcx.magics.source.SourceMap;

/**
 * What the {@code %funcx} magics remember between cells: the service connection, the endpoint in
 * use, functions registered from this notebook (by name) and tasks submitted from it. Cells run one
 * at a time, but interrupts and nested evaluation make the methods synchronized anyway.
 */
public final class FuncxSession {
  public static final String DEFAULT_URL = "http://127.0.0.1:8765";
  private final KernelContext context;
  private final Map<String, RegisteredFunction> functions = new LinkedHashMap<>();
  private final Map<String, SourceMap> sourceMaps = new HashMap<>();
  private final TaskLog tasks = new TaskLog();
  private FuncXClient client;
  private EndpointInfo endpoint;

  public FuncxSession(KernelContext context) {
    this.context = context;
  }

  public KernelContext context() {
    return context;
  }

  public TaskLog tasks() {
    return tasks;
  }

  /** $FUNCX_URL, else the local service {@code ./funcx up} starts. */
  public static String defaultUrl() {
    String env = System.getenv("FUNCX_URL");
    return env == null || env.isBlank() ? DEFAULT_URL : env.strip();
  }

  /** Connects to {@code url} and checks the service answers; forgets the endpoint in use. */
  public synchronized String connect(String url) {
    FuncXClient candidate = FuncXClient.connect(url);
    String version = call(candidate, FuncXClient::version);
    client = candidate;
    endpoint = null;
    return version;
  }

  /** The connected service's URL (the default one before any connect). */
  public synchronized String url() {
    return client == null ? defaultUrl() : client.url();
  }

  /** Runs a request on the service, connecting to the default URL first if needed. */
  public <T> T call(Function<FuncXClient, T> request) {
    FuncXClient c;
    synchronized (this) {
      if (client == null) client = FuncXClient.connect(defaultUrl());
      c = client;
    }
    return call(c, request);
  }

  private static <T> T call(FuncXClient c, Function<FuncXClient, T> request) {
    try {
      return request.apply(c);
    } catch (FuncXException e) {
      throw Failures.of(e, c.url());
    }
  }

  public synchronized Optional<EndpointInfo> endpointInUse() {
    return Optional.ofNullable(endpoint);
  }

  public synchronized void use(EndpointInfo chosen) {
    endpoint = chosen;
  }

  /** Remembers a function registered from this notebook, and where its source lines came from. */
  public synchronized void remember(String name, RegisteredFunction function, SourceMap map) {
    functions.put(name, function);
    sourceMaps.put(function.id(), map);
  }

  public synchronized Optional<SourceMap> sourceMap(String functionId) {
    return Optional.ofNullable(sourceMaps.get(functionId));
  }

  public synchronized Optional<RegisteredFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public synchronized Map<String, RegisteredFunction> functions() {
    return Map.copyOf(functions);
  }
}
