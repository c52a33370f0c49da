package org.funcx.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bounds of authorization codes that a socket test cannot reach in reasonable time: a code's
 * lifetime (60 s in the service) and the number pending at once (each needs a right password).
 */
class AuthorizationCodesTest {
  static final CodeVerifier VERIFIER = new CodeVerifier();
  static final String CHALLENGE =
      CodeChallenge.compute(CodeChallengeMethod.S256, VERIFIER).getValue();

  @Test
  void an_expired_code_is_refused_with_its_lifetime() {
    AuthorizationCodes codes = new AuthorizationCodes(1, token -> {});
    long issued = System.currentTimeMillis();
    String code = codes.issue("c", "http://r", CHALLENGE, "u", Set.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() > issued + 1);
    assertThatThrownBy(() -> codes.redeem(code, "c", "http://r", VERIFIER.getValue()))
        .isInstanceOf(OAuthError.class)
        .hasMessageContaining("expired");
  }

  @Test
  void at_most_max_pending_codes_wait_then_a_clear_refusal() {
    AuthorizationCodes codes = new AuthorizationCodes(60_000, token -> {});
    for (int i = 0; i < AuthorizationCodes.MAX_PENDING; i++) {
      codes.issue("c", "http://r", CHALLENGE, "u" + i, Set.of());
    }
    assertThatThrownBy(() -> codes.issue("c", "http://r", CHALLENGE, "x", Set.of()))
        .isInstanceOfSatisfying(
            OAuthError.class,
            e -> {
              assertThat(e.status).isEqualTo(503);
              assertThat(e.error).isEqualTo("temporarily_unavailable");
            });
    String fresh =
        new AuthorizationCodes(60_000, token -> {})
            .issue("c", "http://r", CHALLENGE, "u", Set.of());
    assertThat(fresh).hasSizeGreaterThan(40);
  }

  @Test
  void a_code_presented_again_revokes_its_token_even_when_it_comes_before_the_token_is_issued() {
    java.util.List<String> revoked = new java.util.ArrayList<>();
    AuthorizationCodes codes = new AuthorizationCodes(60_000, revoked::add);
    String code = codes.issue("c", "http://r", CHALLENGE, "u", Set.of());
    codes.redeem(code, "c", "http://r", VERIFIER.getValue());
    // The second use arrives while the first is still being answered (socket test: the usual
    // order, DashboardSignInTest).
    assertThatThrownBy(() -> codes.redeem(code, "c", "http://r", VERIFIER.getValue()))
        .isInstanceOf(OAuthError.class)
        .hasMessageContaining("used before");
    assertThat(revoked).isEmpty();
    codes.issued(code, "token-of-the-first-use");
    assertThat(revoked).containsExactly("token-of-the-first-use");
  }
}
