package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFailedException;
import org.funcx.core.model.ErrorKind;
import org.funcx.endpoint.config.EndpointKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An endpoint configured to run only some functions: the service refuses others at submission,
 * and the endpoint refuses them again on arrival even when the service's record says otherwise
 * (here: the owner re-registered it without the restriction while the agent kept its config).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AllowedFunctionsTest {

  @Test
  void only_allowed_functions_run_and_the_endpoint_checks_too() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient owner = cluster.client();
      RegisteredFunction allowed = owner.register("int allowed(int x) { return x + 1; }");
      RegisteredFunction other = owner.register("int other(int x) { return x - 1; }");
      String id =
          cluster.startEndpoint("strict", c -> c.withAllowedFunctions(List.of(allowed.id())));
      try (FuncXExecutor ex = owner.executor(id)) {
        assertThat(ex.submit(allowed, 1).get(60, TimeUnit.SECONDS)).isEqualTo(2);
        assertThatThrownBy(() -> ex.submit(other, 1))
            .isInstanceOf(FuncXException.class)
            .hasMessageContaining("allowed_functions");

        EndpointKeys keys = EndpointKeys.load(cluster.home.endpointDir("strict"));
        owner.registerEndpoint("strict", id, keys.publicKey(), List.of());
        Throwable refused = catchThrowable(() -> ex.submit(other, 1).get(60, TimeUnit.SECONDS));
        assertThat(refused)
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TaskFailedException.class);
        assertThat(((TaskFailedException) refused.getCause()).kind())
            .isEqualTo(ErrorKind.FUNCTION_NOT_ALLOWED);
        assertThat(ex.submit(allowed, 2).get(60, TimeUnit.SECONDS)).isEqualTo(3);
      }
    }
  }
}
