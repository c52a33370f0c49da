package org.funcx.service.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.io.ServiceTrustFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate the service makes for itself when TLS is asked for without files: an EC P-256
 * key (0600) and a self-signed certificate naming localhost, 127.0.0.1, ::1, the bound host and
 * the public host. Kept under the data directory and reused on restart, so a client that pinned
 * it keeps trusting the service; made again only when a needed name is missing or it nears expiry.
 */
public final class SelfSignedCertificate {
  /** Under the data directory, where the home's clients look for it (ServiceTrustFiles). */
  private static final Path CERTIFICATE = ServiceTrustFiles.SELF_SIGNED_CERTIFICATE;

  private static final String KEY_FILE = "self-signed-key.pem";
  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);

  private SelfSignedCertificate() {}

  public static Path certificateFile(Path dataDir) {
    return dataDir.resolve(CERTIFICATE);
  }

  /** The certificate and key in {@code dataDir/tls}, made now if missing or unfit for {@code names}. */
  public static KeyMaterial loadOrCreate(Path dataDir, Set<String> names) {
    Path certificate = certificateFile(dataDir);
    Path key = certificate.resolveSibling(KEY_FILE);
    if (Files.exists(certificate) && Files.exists(key)) {
      KeyMaterial existing = KeyMaterial.read(certificate, key);
      String unfit = unfitness(existing.leaf(), names);
      if (unfit == null) return existing;
      log.warn("making a new self-signed certificate: the one in {} {}", certificate, unfit);
    }
    KeyMaterial made = make(names);
    try {
      PrivateFiles.createDirectories(certificate.getParent());
      // PKCS#8 ("PRIVATE KEY"): the form every TLS tool reads, with the curve named inside
      PrivateFiles.write(key, pem(new JcaPKCS8Generator(made.key(), null)));
      PrivateFiles.write(certificate, pem(made.leaf()));
    } catch (IOException e) {
      throw new TlsSetupException(certificate, "cannot store the self-signed certificate: " + e, e);
    }
    return made;
  }

  /** Why {@code certificate} does not serve {@code names} now, or null when it does. */
  private static String unfitness(X509Certificate certificate, Set<String> names) {
    if (certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE_EXPIRY))) {
      return "expires on " + certificate.getNotAfter().toInstant();
    }
    Set<String> covered = new HashSet<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) sans.forEach(san -> covered.add(String.valueOf(san.get(1))));
    } catch (CertificateParsingException e) {
      return "has unreadable subject alternative names";
    }
    Set<String> missing = new HashSet<>();
    for (String name : names) {
      if (!covered.contains(name) && !covered.contains(canonicalAddress(name))) missing.add(name);
    }
    return missing.isEmpty() ? null : "does not name " + missing;
  }

  private static KeyMaterial make(Set<String> names) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=funcX service (self-signed)");
      Instant now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(127, new SecureRandom()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new KeyMaterial(pair.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make a self-signed certificate", e);
    }
  }

  private static GeneralNames alternativeNames(Set<String> names) {
    return new GeneralNames(
        names.stream()
            .map(
                name ->
                    isAddress(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
            .toArray(GeneralName[]::new));
  }

  private static boolean isAddress(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  /** The form getSubjectAlternativeNames gives an IP address in (e.g. ::1 as 0:0:0:0:0:0:0:1). */
  private static String canonicalAddress(String name) {
    if (!isAddress(name)) return name;
    try {
      return InetAddress.getByName(name).getHostAddress();
    } catch (IOException e) {
      return name;
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }
}
