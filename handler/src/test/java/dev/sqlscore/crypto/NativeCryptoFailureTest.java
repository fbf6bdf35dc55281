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
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.crypto.Cipher;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways a build can fail once it is found: each fake stands in for the provider's class, compiled here into a jar
 * of its own, and the JDK's implementations must stay with the reason said.
 */
class NativeCryptoFailureTest {

    private static final String FAKE = """
            package com.amazon.corretto.crypto.provider;

            import java.io.ByteArrayOutputStream;
            import java.nio.ByteBuffer;
            import java.security.AlgorithmParameters;
            import java.security.GeneralSecurityException;
            import java.security.InvalidAlgorithmParameterException;
            import java.security.InvalidKeyException;
            import java.security.Key;
            import java.security.MessageDigest;
            import java.security.MessageDigestSpi;
            import java.security.Provider;
            import java.security.SecureRandom;
            import java.security.spec.AlgorithmParameterSpec;
            import javax.crypto.Cipher;
            import javax.crypto.BadPaddingException;
            import javax.crypto.CipherSpi;
            import javax.crypto.IllegalBlockSizeException;
            import javax.crypto.ShortBufferException;

            public final class AmazonCorrettoCryptoProvider extends Provider {
                public static final AmazonCorrettoCryptoProvider INSTANCE = new AmazonCorrettoCryptoProvider();
                private static final String MODE = System.getProperty("fake.accp.mode");

                private AmazonCorrettoCryptoProvider() {
                    super("FakeAccp", "9.9", "a stand-in");
                    String mode = System.getProperty("fake.accp.mode");
                    String digest = mode.equals("wrong-digest") ? Wrong.class.getName() : Right.class.getName();
                    putService(new Service(this, "MessageDigest", "SHA-256", digest, null, null));
                    if (!mode.equals("incomplete")) {
                        putService(new Service(this, "Cipher", "AES/GCM/NoPadding", Gcm.class.getName(), null, null));
                    }
                }

                public void assertHealthy() {
                    if (MODE.equals("unhealthy")) {
                        throw new IllegalStateException("native library did not load");
                    }
                    if (MODE.equals("unhealthy-at-length")) {
                        throw new IllegalStateException("x".repeat(5000));
                    }
                }

                /** A digest with the wrong answer for everything. */
                public static final class Wrong extends MessageDigestSpi {
                    @Override protected void engineUpdate(byte input) { }
                    @Override protected void engineUpdate(byte[] input, int offset, int length) { }
                    @Override protected byte[] engineDigest() { return new byte[32]; }
                    @Override protected void engineReset() { }
                }

                /** The JDK's SHA-256. */
                public static final class Right extends MessageDigestSpi {
                    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
                    @Override protected void engineUpdate(byte input) { data.write(input); }
                    @Override protected void engineUpdate(byte[] input, int offset, int length) {
                        data.write(input, offset, length);
                    }
                    @Override protected byte[] engineDigest() {
                        try {
                            return MessageDigest.getInstance("SHA-256", "SUN").digest(data.toByteArray());
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            data.reset();
                        }
                    }
                    @Override protected void engineReset() { data.reset(); }
                }

                /** The JDK's AES-GCM, one of whose answers this mode gets wrong. */
                public static final class Gcm extends CipherSpi {
                    private final Cipher real;
                    private int mode;

                    public Gcm() throws GeneralSecurityException {
                        real = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                    }

                    @Override protected void engineSetMode(String name) { }
                    @Override protected void engineSetPadding(String name) { }
                    @Override protected int engineGetBlockSize() { return 16; }
                    @Override protected int engineGetOutputSize(int length) { return real.getOutputSize(length); }
                    @Override protected byte[] engineGetIV() { return real.getIV(); }
                    @Override protected AlgorithmParameters engineGetParameters() { return real.getParameters(); }
                    @Override protected void engineInit(int mode, Key key, SecureRandom random)
                            throws InvalidKeyException {
                        this.mode = mode;
                        real.init(mode, key, random);
                    }
                    @Override protected void engineInit(int mode, Key key, AlgorithmParameterSpec spec,
                            SecureRandom random) throws InvalidKeyException, InvalidAlgorithmParameterException {
                        this.mode = mode;
                        real.init(mode, key, spec, random);
                    }
                    @Override protected void engineInit(int mode, Key key, AlgorithmParameters parameters,
                            SecureRandom random) throws InvalidKeyException, InvalidAlgorithmParameterException {
                        this.mode = mode;
                        real.init(mode, key, parameters, random);
                    }
                    @Override protected byte[] engineUpdate(byte[] in, int offset, int length) {
                        return real.update(in, offset, length);
                    }
                    @Override protected int engineUpdate(byte[] in, int offset, int length, byte[] out, int at)
                            throws ShortBufferException {
                        return real.update(in, offset, length, out, at);
                    }
                    @Override protected byte[] engineDoFinal(byte[] in, int offset, int length)
                            throws IllegalBlockSizeException, BadPaddingException {
                        byte[] result = real.doFinal(in, offset, length);
                        if (MODE.equals(mode == Cipher.ENCRYPT_MODE ? "wrong-seal" : "wrong-open")) {
                            result[0] ^= 1;
                        }
                        return result;
                    }
                    @Override protected int engineDoFinal(byte[] in, int offset, int length, byte[] out, int at)
                            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
                        return real.doFinal(in, offset, length, out, at);
                    }
                    @Override protected int engineDoFinal(ByteBuffer in, ByteBuffer out)
                            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
                        int start = out.position();
                        int written = real.doFinal(in, out);
                        if (MODE.equals("wrong-buffer")) {
                            out.put(start, (byte) (out.get(start) ^ 1));
                        }
                        return written;
                    }
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
    void aLongReasonIsCutToOneLogFieldsWorth() throws IOException {
        NativeCrypto.Status status = install("unhealthy-at-length");

        assertEquals("JDK: AWS-LC did not load (java.lang.IllegalStateException: "
                + "x".repeat(NativeCrypto.MAX_REASON - "java.lang.IllegalStateException: ".length()) + "...)",
                status.description());
    }

    @Test
    void aBuildWithoutOneOfTheAlgorithmsIsNotUsed() throws IOException {
        NativeCrypto.Status status = install("incomplete");

        assertFalse(status.awsLc());
        assertEquals("JDK: AWS-LC did not load (java.security.GeneralSecurityException: FakeAccp has no Cipher "
                + "AES/GCM/NoPadding)", status.description());
        assertNull(Security.getProvider(AwsLcProvider.NAME));
    }

    @ParameterizedTest
    @CsvSource({"wrong-digest, SHA-256", "wrong-seal, AES-GCM seal", "wrong-open, AES-GCM open",
        "wrong-buffer, 'AES-GCM open, buffers'"})
    void aBuildWithAWrongAnswerIsTakenOutAgain(String mode, String check) throws Exception {
        NativeCrypto.Status status = install(mode);

        assertFalse(status.awsLc());
        assertEquals("JDK: AWS-LC did not load (java.security.GeneralSecurityException: self-test failed: " + check
                + ")", status.description());
        assertNull(Security.getProvider(AwsLcProvider.NAME), "the provider that failed is not left in place");
        assertEquals("SUN", MessageDigest.getInstance("SHA-256").getProvider().getName());
        assertEquals("SunJCE", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }

    @Test
    void theStandInItselfPassesTheSelfTest() throws IOException {
        NativeCrypto.Status status = install("right");

        assertTrue(status.awsLc(), status.description());
        assertEquals("AWS-LC (FakeAccp 9.9, linux-x86_64)", status.description());
    }

    private NativeCrypto.Status install(String mode) throws IOException {
        System.setProperty("fake.accp.mode", mode);
        byte[] jar = fakeBuild();
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        NativeCrypto.Status status = NativeCrypto.tryInstall("Linux", "amd64", name -> new ByteArrayInputStream(jar),
                temp);
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the copy of the build is deleted once loaded, or not");
        }
        return status;
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
