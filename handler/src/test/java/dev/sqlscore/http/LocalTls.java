package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on loopback for tests and benchmarks: a PKCS12 key store holding an EC key and a certificate for {@code
 * localhost} only, made by the JDK's keytool, and the contexts that serve with it and trust it.
 */
public record LocalTls(Path keystore, String password) {

    private static final String ALIAS = "server";

    /** A new key store in {@code dir}, valid two days. */
    public static LocalTls create(Path dir, String password) throws IOException, InterruptedException {
        Path keystore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", password);
        return new LocalTls(keystore, password);
    }

    /** The certificate as PEM, for clients outside the JVM (boto3's {@code AWS_CA_BUNDLE}). */
    public Path exportPem(Path file) throws IOException, InterruptedException {
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass", password,
                "-file", file.toString());
        return file;
    }

    /** A server's context: it presents the certificate. */
    public SSLContext serving() throws IOException, GeneralSecurityException {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys(), password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** A client's context: it trusts the certificate and nothing else. */
    public SSLContext trusting() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore keys() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password.toCharArray());
        }
        return keys;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
