package org.funcx.service.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for tests, made with the library the service uses: it
 * issues server certificates (RSA 2048, as site CAs commonly do) for chosen names and writes
 * them as PEM files a service and a client read.
 */
public final class TestPki {
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final String name;

  public TestPki(String name) throws Exception {
    this.name = name;
    this.caKeys = rsa();
    X500Name subject = new X500Name("CN=" + name);
    var builder =
        new JcaX509v3CertificateBuilder(
            subject, serial(), notBefore(), notAfter(), subject, caKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    this.ca = sign(builder, caKeys.getPrivate());
  }

  /** This CA's certificate as a PEM file (what --ca-file and FUNCX_CA_FILE take). */
  public Path writeCaCertificate(Path dir) throws Exception {
    return write(dir.resolve(name + "-ca.pem"), ca);
  }

  /**
   * A server certificate for {@code names} (DNS names or IP addresses) issued by this CA, written
   * as {@code dir/server-chain.pem} (leaf, then the CA) and {@code dir/server-key.pem}.
   */
  public ServerFiles issueServer(Path dir, String... names) throws Exception {
    KeyPair keys = rsa();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + name),
            serial(),
            notBefore(),
            notAfter(),
            new X500Name("CN=" + names[0]),
            keys.getPublic());
    GeneralName[] alternatives = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      alternatives[i] =
          new GeneralName(
              names[i].matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
    }
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    X509Certificate leaf = sign(builder, caKeys.getPrivate());
    Files.createDirectories(dir);
    Path chain = write(dir.resolve("server-chain.pem"), leaf, ca);
    Path key = write(dir.resolve("server-key.pem"), keys.getPrivate());
    return new ServerFiles(chain, key, leaf);
  }

  public record ServerFiles(Path chain, Path key, X509Certificate leaf) {}

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(2)));
  }

  private static Path write(Path file, Object... objects) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object o : objects) writer.writeObject(o);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.toString());
    return file;
  }
}
