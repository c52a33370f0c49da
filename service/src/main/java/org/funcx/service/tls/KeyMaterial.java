package org.funcx.service.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The service's certificate chain (leaf first) and the leaf's private key, read from PEM files
 * and checked to belong together, so a mismatch stops the start instead of every handshake.
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
  /** The in-memory key store's password: the key never leaves this process in this form. */
  static final char[] STORE_PASSWORD = "funcx".toCharArray();

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public static KeyMaterial read(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = readChain(certificateFile);
    PrivateKey key = readKey(keyFile);
    if (!belongTogether(key, chain.get(0))) {
      throw new TlsSetupException(
          keyFile,
          "this private key does not belong to the first"
              + " certificate of "
              + certificateFile
              + " ("
              + chain.get(0).getSubjectX500Principal()
              + ")");
    }
    return new KeyMaterial(key, chain);
  }

  static List<X509Certificate> readChain(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> chain =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (chain.isEmpty()) throw new TlsSetupException(file, "no PEM certificate in it");
      return chain;
    } catch (IOException e) {
      throw new TlsSetupException(file, "cannot read the certificate chain: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(file, "not a PEM certificate chain: " + e.getMessage(), e);
    }
  }

  static PrivateKey readKey(Path file) {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser pem = new PEMParser(reader)) {
      Object object = pem.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair)
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      if (object instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
      throw new TlsSetupException(
          file,
          object == null
              ? "no PEM private key in it"
              : "not an unencrypted private key (found "
                  + object.getClass().getSimpleName()
                  + "); decrypt it first, e.g. openssl pkey -in KEY -out PLAIN");
    } catch (IOException e) {
      throw new TlsSetupException(file, "cannot read the private key: " + e.getMessage(), e);
    }
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, X509Certificate leaf) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (algorithm == null) return true; // Jetty's handshake is the check for rarer key types
    try {
      byte[] probe = "funcx-tls-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A PKCS#12 key store in memory holding this chain and key, for Jetty. */
  KeyStore keyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "service", key, STORE_PASSWORD, chain.toArray(new java.security.cert.Certificate[0]));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot hold the service's key in a key store", e);
    }
  }
}
