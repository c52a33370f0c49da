package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;
import org.funcx.service.auth.SigningKeys;
import org.funcx.service.auth.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged and spoiled tokens, each refused with 401 by a real service: unsigned ({@code alg:
 * none}), signed by another key under the service's key id, HMAC keyed with the public key,
 * expired, for another audience or issuer, tampered, truncated. A genuine token passes, so the
 * refusals are not a broken verifier.
 */
@Timeout(60)
class TokenFuzzTest {
  @TempDir static Path dir;
  static FuncxService service;
  static ApiCaller api;
  static SigningKeys realKeys;
  static Principal alice =
      new Principal("alice", "alice", Set.of(Scope.COMPUTE.claim()), Set.of(), null);

  @BeforeAll
  static void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    realKeys = SigningKeys.loadOrCreate(dir.resolve("signing-key.jwk"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) service.close();
  }

  static JWTClaimsSet claims(String issuer, String audience, long ttlMillis) {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("alice")
        .issueTime(new Date(now))
        .expirationTime(new Date(now + ttlMillis))
        .claim("scope", Scope.COMPUTE.claim())
        .build();
  }

  static String kid() {
    return realKeys.publicSet().getKeys().get(0).getKeyID();
  }

  Map<String, String> forgeries() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    JWTClaimsSet good = claims(service.url(), "funcx", 600_000);
    out.put("alg none", new PlainJWT(good).serialize());
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(kid()).generate();
    SignedJWT wrongKey =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid()).build(), good);
    wrongKey.sign(new ECDSASigner(impostor));
    out.put("another key with the service's kid", wrongKey.serialize());
    byte[] publicBytes = realKeys.publicSet().toString().getBytes(StandardCharsets.UTF_8);
    SignedJWT confused =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid()).build(), good);
    confused.sign(new MACSigner(publicBytes));
    out.put("HS256 keyed with the public key", confused.serialize());
    String genuine =
        new TokenIssuer(realKeys, service.url(), "funcx")
            .accessToken(alice, "t", Duration.ofMinutes(10));
    out.put(
        "expired",
        new TokenIssuer(realKeys, service.url(), "funcx")
            .accessToken(alice, "t", Duration.ofMinutes(-5)));
    out.put(
        "wrong audience",
        new TokenIssuer(realKeys, service.url(), "another-service")
            .accessToken(alice, "t", Duration.ofMinutes(10)));
    out.put(
        "wrong issuer",
        new TokenIssuer(realKeys, "http://evil.example", "funcx")
            .accessToken(alice, "t", Duration.ofMinutes(10)));
    String[] parts = genuine.split("\\.");
    String otherPayload =
        Base64URL.encode(
                claims(service.url(), "funcx", 600_000)
                    .toString()
                    .replace("\"alice\"", "\"admin\""))
            .toString();
    out.put("payload swapped after signing", parts[0] + "." + otherPayload + "." + parts[2]);
    out.put("truncated signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
    out.put("no signature", parts[0] + "." + parts[1] + ".");
    out.put("garbage", "eyJhbGciOiJFUzI1NiJ9.%%%.###");
    out.put("huge", "a".repeat(100_000));
    return out;
  }

  @Test
  void forged_expired_and_foreign_tokens_are_all_refused_and_a_genuine_one_passes()
      throws Exception {
    for (var forgery : forgeries().entrySet()) {
      var a = api.call(forgery.getValue(), "GET", "/v2/endpoints", null);
      assertThat(a.status()).as(forgery.getKey()).isIn(401, 431);
      if (a.status() == 401) assertThat(a.code()).as(forgery.getKey()).isEqualTo("invalid_token");
    }
    String genuine =
        new TokenIssuer(realKeys, service.url(), "funcx")
            .accessToken(alice, "t", Duration.ofMinutes(10));
    assertThat(api.call(genuine, "GET", "/v2/endpoints", null).status()).isEqualTo(200);
    assertThat(api.call(genuine, "GET", "/v2/whoami", null).body().get("subject").getAsString())
        .isEqualTo("alice");
  }

  @Test
  void a_token_typed_for_something_else_is_refused() throws Exception {
    SignedJWT idToken =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(kid())
                .type(new JOSEObjectType("secevent+jwt"))
                .build(),
            claims(service.url(), "funcx", 600_000));
    idToken.sign(
        new ECDSASigner(
            ECKey.parse(java.nio.file.Files.readString(dir.resolve("signing-key.jwk")))));
    assertThat(api.call(idToken.serialize(), "GET", "/v2/endpoints", null).status()).isEqualTo(401);
  }
}
