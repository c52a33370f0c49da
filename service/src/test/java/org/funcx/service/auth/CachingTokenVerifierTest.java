package org.funcx.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered briefly; refusals never are. */
class CachingTokenVerifierTest {
  final AtomicInteger calls = new AtomicInteger();
  final TokenVerifier counting =
      token -> {
        calls.incrementAndGet();
        if (token.startsWith("bad")) throw new InvalidTokenException("refused");
        return new Principal(token, null, Set.of(), Set.of(), null);
      };

  @Test
  void a_good_token_is_checked_once_within_the_ttl_and_again_after_it() throws Exception {
    var cache = new CachingTokenVerifier(counting, 200);
    assertThat(cache.verify("good").subject()).isEqualTo("good");
    assertThat(cache.verify("good").subject()).isEqualTo("good");
    assertThat(calls).hasValue(1);
    Thread.sleep(250);
    cache.verify("good");
    assertThat(calls).hasValue(2);
  }

  @Test
  void refused_tokens_are_checked_every_time() {
    var cache = new CachingTokenVerifier(counting, 60_000);
    assertThatThrownBy(() -> cache.verify("bad")).isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> cache.verify("bad")).isInstanceOf(InvalidTokenException.class);
    assertThat(calls).hasValue(2);
  }
}
