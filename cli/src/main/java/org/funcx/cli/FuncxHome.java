package org.funcx.cli;

import java.nio.file.Path;
import org.funcx.client.FuncXClient;
import org.funcx.client.auth.TokenStore;
import org.funcx.core.io.FuncxHomeDirectory;

/**
 * Where funcX keeps its state: {@code $FUNCX_HOME}, else {@code ~/.funcx}. Layout:
 * {@code service/} (database, keys), {@code service.json} (ports), {@code service.supervisor.json},
 * {@code service.status.json} and {@code service.spec.json} (its supervisor: {@link Supervision}),
 * {@code logs/}, {@code endpoints/NAME/} (config.json, {@code agent.*} files of the agent's
 * supervisor, logs/, curve.json and clients.json: the endpoint's keys and credentials),
 * {@code tokens.json} and {@code clients.json} (sign-in).
 */
public record FuncxHome(Path root) {

  public static FuncxHome fromEnvironment() {
    return new FuncxHome(FuncxHomeDirectory.resolve());
  }

  public Path serviceData() {
    return root.resolve("service");
  }

  public Path serviceState() {
    return root.resolve("service.json");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path endpointsDir() {
    return root.resolve("endpoints");
  }

  public Path endpointDir(String name) {
    return endpointsDir().resolve(name);
  }

  public Path endpointConfig(String name) {
    return endpointDir(name).resolve("config.json");
  }

  /** Where this home keeps tokens and client credentials ({@code tokens.json}, {@code clients.json}). */
  public TokenStore tokens() {
    return new TokenStore(root);
  }

  /**
   * A client of the service at {@code url}, signed in with this home's credentials, trusting
   * what the CLI trusts ({@link CliTrust}: its home's own service certificate among them).
   */
  public FuncXClient client(String url) {
    return FuncXClient.connect(url, tokens(), CliTrust.forHome(this));
  }
}
