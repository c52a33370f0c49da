package org.funcx.cli;

import java.io.IOException;

/** Resolves what a user typed: an endpoint name or id, the running service's URL. */
final class Targets {
  private Targets() {}

  static String endpointId(String nameOrId) throws IOException {
    if (nameOrId.matches("[0-9a-fA-F-]{36}")) return nameOrId;
    String id = new EndpointControl(FuncxCli.HOME).config(nameOrId).endpointId();
    if (id == null) {
      throw new IllegalArgumentException(
          "endpoint "
              + nameOrId
              + " is not registered yet;"
              + " start it with './funcx endpoint start "
              + nameOrId
              + "'");
    }
    return id;
  }
}
