package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.TaskStatus;
import org.funcx.client.auth.Credentials;
import org.funcx.client.auth.TokenStore;
import org.funcx.client.tls.ServerTrust;
import org.funcx.client.tls.UntrustedCertificateException;
import org.funcx.core.model.TaskState;
import org.funcx.service.auth.Scope;
import org.funcx.service.tls.CertificateFingerprint;
import org.funcx.service.tls.KeyMaterial;
import org.funcx.service.tls.SelfSignedCertificate;
import org.funcx.service.tls.TestPki;
import org.funcx.service.tls.TlsSettings;
import org.funcx.service.tls.TlsSetupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over HTTPS on a real Jetty port, and clients that verify it: a self-signed
 * certificate pinned, a site CA's certificate trusted through its CA file, and wrong
 * certificates (another CA, another host) refused with {@link UntrustedCertificateException}.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpsServiceTest {
  @TempDir Path dir;
  FuncxService service;

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  private FuncxService start(TlsSettings tls) throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("data")).withPorts(0, 0).withTls(tls));
    return service;
  }

  private Path selfSignedFile() {
    return SelfSignedCertificate.certificateFile(dir.resolve("data"));
  }

  private FuncXClient client(ServerTrust trust) {
    String token = ServiceTokens.mint(service, "alice", Set.of(), Scope.COMPUTE, Scope.ENDPOINT);
    return FuncXClient.connect(service.url(), Credentials.token(token), trust);
  }

  @Test
  void self_signed_certificate_is_made_once_with_a_private_key_and_reused_on_restart()
      throws Exception {
    start(TlsSettings.selfSignedCertificate());
    assertThat(service.url()).startsWith("https://127.0.0.1:");
    String first = service.tlsFingerprint();
    Path key = selfSignedFile().resolveSibling("self-signed-key.pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    var leaf = KeyMaterial.read(selfSignedFile(), key).leaf();
    assertThat(CertificateFingerprint.sha256(leaf)).isEqualTo(first);
    assertThat(leaf.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
        .contains("localhost", "127.0.0.1");
    service.close();
    service = null;
    start(TlsSettings.selfSignedCertificate());
    assertThat(service.tlsFingerprint()).isEqualTo(first);
  }

  @Test
  void a_self_signed_certificate_lacking_the_public_host_is_made_again_naming_it()
      throws Exception {
    start(TlsSettings.selfSignedCertificate());
    String first = service.tlsFingerprint();
    service.close();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("data"))
                .withPorts(0, 0)
                .withTls(TlsSettings.selfSignedCertificate())
                .withPublicUrl("https://funcx.example.org:8443"));
    assertThat(service.tlsFingerprint()).isNotEqualTo(first);
    Path key = selfSignedFile().resolveSibling("self-signed-key.pem");
    assertThat(
            KeyMaterial.read(selfSignedFile(), key).leaf().getSubjectAlternativeNames().stream()
                .map(n -> String.valueOf(n.get(1))))
        .contains("funcx.example.org", "127.0.0.1");
  }

  @Test
  void sdk_that_pins_the_self_signed_certificate_is_served_and_one_that_does_not_is_refused()
      throws Exception {
    start(TlsSettings.selfSignedCertificate());
    try (FuncXClient pinned = client(ServerTrust.jdkDefaults().with(selfSignedFile()))) {
      assertThat(pinned.whoami().username()).isEqualTo("alice");
    }
    try (FuncXClient stranger = client(ServerTrust.jdkDefaults())) {
      assertThatThrownBy(stranger::whoami)
          .isInstanceOfSatisfying(
              UntrustedCertificateException.class,
              e -> {
                assertThat(e.url()).isEqualTo(service.url());
                assertThat(e.code()).isEqualTo("untrusted_certificate");
                assertThat(e.getMessage()).contains(service.url()).contains("certification path");
              });
    }
  }

  @Test
  void client_credentials_are_exchanged_for_a_token_over_https() throws Exception {
    start(TlsSettings.selfSignedCertificate());
    TokenStore store = new TokenStore(dir.resolve("client-home"));
    store.saveClient(
        service.url(),
        TokenStore.ClientSecret.read(
            dir.resolve("data").resolve(org.funcx.service.auth.ServiceAuth.LOCAL_CLIENT_FILE)));
    try (FuncXClient admin =
        FuncXClient.connect(
            service.url(), store, ServerTrust.jdkDefaults().with(selfSignedFile()))) {
      assertThat(admin.whoami().username()).isEqualTo("admin");
    }
  }

  @Test
  void a_site_ca_certificate_is_trusted_through_the_ca_file_and_another_ca_is_refused()
      throws Exception {
    TestPki site = new TestPki("site");
    var files = site.issueServer(dir.resolve("pki"), "localhost", "127.0.0.1");
    start(TlsSettings.files(files.chain(), files.key()));
    assertThat(service.tlsFingerprint()).isEqualTo(CertificateFingerprint.sha256(files.leaf()));
    try (FuncXClient trusting =
        client(ServerTrust.jdkDefaults().with(site.writeCaCertificate(dir.resolve("ca"))))) {
      assertThat(trusting.whoami().username()).isEqualTo("alice");
    }
    Path otherCa = new TestPki("other").writeCaCertificate(dir.resolve("ca"));
    try (FuncXClient wrong = client(ServerTrust.jdkDefaults().with(otherCa))) {
      assertThatThrownBy(wrong::whoami)
          .isInstanceOf(UntrustedCertificateException.class)
          .hasMessageContaining(service.url());
    }
  }

  @Test
  void a_certificate_for_another_host_is_refused_even_from_a_trusted_ca() throws Exception {
    TestPki site = new TestPki("site");
    var files = site.issueServer(dir.resolve("pki"), "funcx.example.org");
    start(TlsSettings.files(files.chain(), files.key()));
    try (FuncXClient client =
        client(ServerTrust.jdkDefaults().with(site.writeCaCertificate(dir.resolve("ca"))))) {
      assertThatThrownBy(client::whoami)
          .isInstanceOfSatisfying(
              UntrustedCertificateException.class,
              e -> assertThat(e.reason()).contains("127.0.0.1"));
    }
  }

  @Test
  void a_key_that_does_not_belong_to_the_certificate_stops_the_start_naming_the_file()
      throws Exception {
    TestPki site = new TestPki("site");
    var served = site.issueServer(dir.resolve("a"), "localhost");
    var other = site.issueServer(dir.resolve("b"), "localhost");
    assertThatThrownBy(() -> start(TlsSettings.files(served.chain(), other.key())))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(other.key().toString())
        .hasMessageContaining("does not belong");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    assertThatThrownBy(() -> start(TlsSettings.files(garbage, other.key())))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(garbage.toString());
  }

  @Test
  void a_large_result_is_fetched_over_https_byte_for_byte() throws Exception {
    // 8 MiB crosses the pure-Java CURVE link in seconds on a loaded machine, and heartbeats
    // queue behind it: a slow heartbeat keeps the link from being declared lost meanwhile
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("data"))
                .withPorts(0, 0)
                .withTls(TlsSettings.selfSignedCertificate())
                .withHeartbeat(Duration.ofSeconds(20)));
    ServerTrust trust = ServerTrust.jdkDefaults().with(selfSignedFile());
    String token = ServiceTokens.mint(service, "alice", Set.of(), Scope.COMPUTE, Scope.ENDPOINT);
    byte[] random = new byte[6 << 20];
    new Random(17).nextBytes(random);
    String large = Base64.getEncoder().encodeToString(random); // 8 MiB of text
    assertThat(large.length()).isEqualTo(8 << 20);
    try (FuncXClient client = FuncXClient.connect(service.url(), Credentials.token(token), trust);
        FakeEndpoint endpoint =
            FakeEndpoint.connect(new ApiCaller(service.url(), trust.sslContext()), token)) {
      String function = client.register("int id(int x) { return x; }").id();
      String task =
          client
              .submit(
                  function, endpoint.endpointId, List.of(1), org.funcx.client.TaskOptions.DEFAULT)
              .taskIds()
              .get(0);
      assertThat(endpoint.take(1, 120_000)).containsExactly(task);
      // send() retries while the link's queue is full: 8 MiB is 256 frames on the CURVE link
      endpoint.send(
          org.funcx.core.wire.ResultEnvelope.pack(
              List.of(
                  org.funcx.core.wire.ResultEnvelope.json(
                      org.funcx.core.wire.Messages.TaskResult.success(task, "\"" + large + "\""))),
              0));
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                endpoint.heartbeat(); // the link stays alive however slowly the result crosses it
                return client.task(task).state().isTerminal();
              });
      TaskStatus done = client.task(task);
      assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(done.result().getAsString().getBytes(StandardCharsets.US_ASCII))
          .isEqualTo(large.getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void plain_http_on_a_non_loopback_address_is_refused_before_anything_is_bound() {
    assertThatThrownBy(
            () -> ServiceMain.parse(new String[] {"--data", dir.toString(), "--host", "0.0.0.0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-cert")
        .hasMessageContaining("--tls-self-signed")
        .hasMessageContaining("--insecure-http");
    assertThatThrownBy(
            () ->
                FuncxService.start(
                    ServiceConfig.defaults(dir.resolve("data"))
                        .withPorts(0, 0)
                        .withHost("0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(dir.resolve("data"))).isFalse();
    assertThat(
            ServiceMain.parse(
                    new String[] {"--data", dir.toString(), "--host", "0.0.0.0", "--insecure-http"})
                .url())
        .startsWith("http://0.0.0.0:");
    assertThat(
            ServiceMain.parse(
                    new String[] {
                      "--data", dir.toString(), "--host", "0.0.0.0", "--tls-self-signed"
                    })
                .url())
        .startsWith("https://0.0.0.0:");
    assertThat(ServiceMain.parse(new String[] {"--data", dir.toString()}).url())
        .startsWith("http://127.0.0.1:");
  }

  @Test
  void https_client_to_a_plain_http_service_gets_a_clear_tls_error() throws Exception {
    start(TlsSettings.plainHttp());
    String https = service.url().replace("http://", "https://");
    try (FuncXClient client =
        FuncXClient.connect(https, Credentials.token("x"), ServerTrust.jdkDefaults())) {
      assertThatThrownBy(client::whoami)
          .isInstanceOf(FuncXException.class)
          .satisfies(
              e ->
                  assertThat(((FuncXException) e).code())
                      .isIn("tls_failed", "untrusted_certificate"))
          .hasMessageContaining(https);
    }
  }
}
