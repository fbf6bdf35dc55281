package dev.sqlscore.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The ways a build can fail once it is found: each fake stands in for the provider's class, compiled here into a jar
 * of its own, and the JDK's implementations must stay with the reason said.
 */
class NativeCryptoFailureTest {

    private static final String FAKE = """
            package com.amazon.corretto.crypto.provider;

            import java.security.MessageDigestSpi;
            import java.security.Provider;

            public final class AmazonCorrettoCryptoProvider extends Provider {
                public static final AmazonCorrettoCryptoProvider INSTANCE = new AmazonCorrettoCryptoProvider();
                private static final String MODE = System.getProperty("fake.accp.mode");

                private AmazonCorrettoCryptoProvider() {
                    super("FakeAccp", "9.9", "a stand-in");
                    String mode = System.getProperty("fake.accp.mode");
                    putService(new Service(this, "MessageDigest", "SHA-256", Wrong.class.getName(), null, null));
                    if (!mode.equals("incomplete")) {
                        putService(new Service(this, "Cipher", "AES/GCM/NoPadding", "none.Such", null, null));
                    }
                }

                public void assertHealthy() {
                    if (MODE.equals("unhealthy")) {
                        throw new IllegalStateException("native library did not load");
                    }
                }

                /** A digest with the wrong answer for everything. */
                public static final class Wrong extends MessageDigestSpi {
                    @Override protected void engineUpdate(byte input) { }
                    @Override protected void engineUpdate(byte[] input, int offset, int length) { }
                    @Override protected byte[] engineDigest() { return new byte[32]; }
                    @Override protected void engineReset() { }
                }
            }
            """;

    @TempDir
    Path dir;
    private Provider installed;

    @BeforeEach
    void setAsideAnInstalledAwsLc() {
        installed = Security.getProvider(AwsLcProvider.NAME);
        Security.removeProvider(AwsLcProvider.NAME);
    }

    @AfterEach
    void putItBack() {
        System.clearProperty("fake.accp.mode");
        Security.removeProvider(AwsLcProvider.NAME);
        if (installed != null) {
            Security.insertProviderAt(installed, 1);
        }
    }

    @Test
    void aBuildThatSaysItIsUnhealthyIsNotUsed() throws IOException {
        NativeCrypto.Status status = install("unhealthy");

        assertFalse(status.awsLc());
        assertEquals("JDK: AWS-LC did not load (java.lang.IllegalStateException: native library did not load)",
                status.description());
        assertNull(Security.getProvider(AwsLcProvider.NAME));
    }

    @Test
    void aBuildWithoutOneOfTheAlgorithmsIsNotUsed() throws IOException {
        NativeCrypto.Status status = install("incomplete");

        assertFalse(status.awsLc());
        assertEquals("JDK: AWS-LC did not load (java.security.GeneralSecurityException: FakeAccp has no Cipher "
                + "AES/GCM/NoPadding)", status.description());
        assertNull(Security.getProvider(AwsLcProvider.NAME));
    }

    @Test
    void aBuildWithTheWrongAnswerIsTakenOutAgain() throws Exception {
        NativeCrypto.Status status = install("wrong");

        assertFalse(status.awsLc());
        assertEquals("JDK: AWS-LC did not load (java.security.GeneralSecurityException: self-test failed: SHA-256)",
                status.description());
        assertNull(Security.getProvider(AwsLcProvider.NAME), "the provider that failed is not left in place");
        assertEquals("SUN", MessageDigest.getInstance("SHA-256").getProvider().getName());
    }

    private NativeCrypto.Status install(String mode) throws IOException {
        System.setProperty("fake.accp.mode", mode);
        byte[] jar = fakeBuild();
        return NativeCrypto.tryInstall("Linux", "amd64", name -> new ByteArrayInputStream(jar));
    }

    private byte[] fakeBuild() throws IOException {
        Path source = dir.resolve("src/com/amazon/corretto/crypto/provider/AmazonCorrettoCryptoProvider.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, FAKE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, "-d", classes.toString(), source.toString());
        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar); var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.closeEntry();
            }
        }
        return jar.toByteArray();
    }
}
