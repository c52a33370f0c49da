package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMsg;

/**
 * Message types travel as explicit codes, not enum positions: these are the wire's, and a change
 * to one breaks every deployed endpoint and manager. Adding a type appends a line here.
 */
class MessageTypeTest {
  private static final Map<MessageType, Integer> WIRE_CODES =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(MessageType.REGISTER_ENDPOINT, 0),
              Map.entry(MessageType.TASKS_ACK, 1),
              Map.entry(MessageType.TASKS_RUNNING, 2),
              Map.entry(MessageType.RESULTS, 3),
              Map.entry(MessageType.ENDPOINT_REGISTERED, 4),
              Map.entry(MessageType.REJECTED, 5),
              Map.entry(MessageType.RESULTS_ACK, 6),
              Map.entry(MessageType.CANCEL, 7),
              Map.entry(MessageType.RECONNECT, 8),
              Map.entry(MessageType.REGISTER_MANAGER, 9),
              Map.entry(MessageType.TASKS, 10),
              Map.entry(MessageType.HEARTBEAT, 11),
              Map.entry(MessageType.SHUTDOWN, 12),
              Map.entry(MessageType.MANAGER_HELLO, 13),
              Map.entry(MessageType.CHALLENGE, 14),
              Map.entry(MessageType.OUTPUT, 15)));

  @Test
  void every_type_keeps_its_wire_code_and_decodes_from_it() {
    assertThat(WIRE_CODES.keySet())
        .as("a type without a pinned code")
        .containsExactlyInAnyOrder(MessageType.values());
    WIRE_CODES.forEach(
        (type, code) -> {
          assertThat(type.code() & 0xff).as("code of %s", type).isEqualTo(code);
          assertThat(MessageType.fromByte((byte) (int) code)).isEqualTo(type);
        });
  }

  @Test
  void an_unknown_code_is_a_format_error_naming_it() {
    ZMsg msg = new ZMsg();
    msg.add(new byte[] {(byte) 200});
    msg.add("{}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> WireMessage.decode(msg))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("unknown message type code 200")
        .hasMessageContaining("wire protocol " + WireProtocol.VERSION);
  }

  @Test
  void a_peer_of_another_protocol_is_told_both_versions() {
    assertThat(WireProtocol.mismatch("manager m", WireProtocol.VERSION, "x")).isNull();
    assertThat(WireProtocol.mismatch("manager m", 0, null))
        .contains("manager m speaks no protocol version")
        .contains("funcX unknown")
        .contains(
            "wire protocol "
                + WireProtocol.VERSION
                + " (funcX "
                + WireProtocol.productVersion()
                + ")");
    assertThat(WireProtocol.productVersion())
        .as("the build's version, filtered in")
        .matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
