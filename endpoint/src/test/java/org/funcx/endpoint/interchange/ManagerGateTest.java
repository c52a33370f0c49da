package org.funcx.endpoint.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.funcx.core.wire.Messages.RegisterManager;
import org.junit.jupiter.api.Test;

/**
 * The gate's bounds in time and count, driven with explicit clock values (ManagerAuthenticationTest
 * attacks the gate through real sockets; waiting 30 s there, or opening 4,097 connections, would
 * test the same code).
 */
class ManagerGateTest {
  private final ManagerSecrets secrets = new ManagerSecrets();
  private final ManagerLinkCounters counters = new ManagerLinkCounters();
  private final ManagerGate gate = new ManagerGate(secrets, counters);
  private final BlockSecret secret = secrets.issue("b");

  private static ByteBuffer connection(int n) {
    return ByteBuffer.wrap(new byte[] {0, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
  }

  private RegisterManager signed(String nonce) {
    return new RegisterManager("m", "b", 1, 0, "h", 1, secret.proof(nonce, "b", "m"));
  }

  @Test
  void a_challenge_answered_in_time_admits_once_and_binds_the_connection() {
    String nonce = gate.challenge(connection(1), 0);
    assertThat(gate.challenge(connection(1), 1_000)).as("a repeated hello").isEqualTo(nonce);
    assertThat(gate.admit(connection(1), signed(nonce), ManagerGate.CHALLENGE_MILLIS)).isNull();
    assertThat(gate.boundTo(connection(1))).isEqualTo(new ManagerGate.Identity("b", "m"));
    // The same proof on another connection, even one that said hello, is refused.
    gate.challenge(connection(2), 0);
    assertThat(gate.admit(connection(2), signed(nonce), 0).reason()).contains("wrong proof");
    assertThat(gate.boundTo(connection(2))).isNull();
  }

  @Test
  void an_expired_challenge_is_refused_and_renewed() {
    String nonce = gate.challenge(connection(1), 0);
    var refusal = gate.admit(connection(1), signed(nonce), ManagerGate.CHALLENGE_MILLIS + 1);
    assertThat(refusal.challengeAgain()).isTrue();
    String renewed = gate.challenge(connection(1), ManagerGate.CHALLENGE_MILLIS + 1);
    assertThat(renewed).isNotEqualTo(nonce);
    assertThat(gate.admit(connection(1), signed(renewed), ManagerGate.CHALLENGE_MILLIS + 2))
        .isNull();
  }

  @Test
  void unanswered_challenges_are_bounded_oldest_dropped_first() {
    String first = gate.challenge(connection(0), 0);
    for (int i = 1; i <= ManagerGate.MAX_PENDING_CHALLENGES; i++) gate.challenge(connection(i), 0);
    assertThat(counters.droppedChallenges()).isEqualTo(1);
    assertThat(gate.admit(connection(0), signed(first), 1).challengeAgain()).isTrue();
    String last = gate.challenge(connection(ManagerGate.MAX_PENDING_CHALLENGES), 0);
    assertThat(gate.admit(connection(ManagerGate.MAX_PENDING_CHALLENGES), signed(last), 1))
        .isNull();
  }

  @Test
  void a_withdrawn_secret_admits_nothing_and_an_ended_block_is_forgotten() {
    String nonce = gate.challenge(connection(1), 0);
    assertThat(gate.admit(connection(1), signed(nonce), 0)).isNull();
    secrets.withdraw("b");
    assertThat(gate.admit(connection(1), signed(nonce), 0).reason()).contains("no secret");
    assertThat(gate.forgetBlock("b")).hasSize(1);
    assertThat(gate.boundTo(connection(1))).isNull();
  }
}
