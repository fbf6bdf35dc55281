package dev.sqlscore.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AWS-LC's SHA-256 and AES-GCM installed in this JVM (a Linux build machine: x86_64 here), checked against the JDK's
 * own implementations, which stay in place behind them.
 */
class NativeCryptoTest {

    @TempDir
    Path temp;

    /** ELF {@code e_machine} values: what CPU a native library is built for. */
    private static final int ELF_X86_64 = 0x3E;
    private static final int ELF_AARCH64 = 0xB7;
    private static final int[] LENGTHS = {0, 1, 55, 56, 63, 64, 65, 4095, 4096, 17_800, 1 << 20};

    /**
     * AWS-LC installed, as every test here starts: each asks, so that whichever runs first installs it (PIT credits a
     * line to the test that ran it, not to a class's set-up).
     */
    private static NativeCrypto.Status installed() {
        assumeTrue(NativeCrypto.platform(System.getProperty("os.name"), System.getProperty("os.arch")) != null,
                "AWS-LC is built for Linux on x86_64 and aarch64 only");
        NativeCrypto.Status status = NativeCrypto.install();
        assertTrue(status.awsLc(), status.description());
        return status;
    }

    @Test
    void awsLcServesSha256AndAesGcmAheadOfTheJdk() throws Exception {
        NativeCrypto.Status status = installed();
        assertTrue(status.description().startsWith("AWS-LC (AmazonCorrettoCryptoProvider 2."), status.description());
        assertEquals(AwsLcProvider.NAME, Security.getProviders()[0].getName());
        assertEquals(AwsLcProvider.NAME, MessageDigest.getInstance("SHA-256").getProvider().getName());
        assertEquals(AwsLcProvider.NAME, Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }

    @Test
    void installingAgainChangesNothing() {
        NativeCrypto.Status status = installed();
        assertSame(status, NativeCrypto.install());
        assertSame(status, NativeCrypto.status());
        assertEquals(1, Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(AwsLcProvider.NAME))
                .count());
    }

    @Test
    void digestsAreTheJdksAtEveryBlockBoundary() throws Exception {
        installed();
        SplittableRandom random = new SplittableRandom(7);
        for (int length : LENGTHS) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            MessageDigest awsLc = MessageDigest.getInstance("SHA-256");
            // as the SDK feeds it: 4 KB at a time
            for (int at = 0; at < length; at += 4096) {
                awsLc.update(data, at, Math.min(4096, length - at));
            }
            assertArrayEquals(MessageDigest.getInstance("SHA-256", "SUN").digest(data), awsLc.digest(),
                    "length " + length);
        }
    }

    @Test
    void whatAwsLcSealsTheJdkOpensAndTheOtherWayRound() throws Exception {
        installed();
        SplittableRandom random = new SplittableRandom(11);
        for (int length : LENGTHS) {
            byte[] key = bytes(random, 16);
            byte[] nonce = bytes(random, 12);
            byte[] aad = bytes(random, 13);
            byte[] plain = bytes(random, length);
            byte[] sealed = gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, nonce, aad, plain);
            Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            assertArrayEquals(plain, gcm(jdk, Cipher.DECRYPT_MODE, key, nonce, aad, sealed), "length " + length);
            byte[] sealedByJdk = gcm(Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), Cipher.ENCRYPT_MODE, key,
                    nonce, aad, plain);
            assertArrayEquals(sealedByJdk, sealed, "length " + length);
            assertArrayEquals(plain, gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, key, nonce,
                    aad, sealedByJdk), "length " + length);
        }
    }

    @Test
    void aTamperedRecordIsRefused() throws Exception {
        installed();
        SplittableRandom random = new SplittableRandom(13);
        byte[] key = bytes(random, 16);
        byte[] nonce = bytes(random, 12);
        byte[] sealed = gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, nonce, new byte[0],
                bytes(random, 100));
        sealed[5] ^= 1;
        assertThrows(AEADBadTagException.class, () -> gcm(Cipher.getInstance("AES/GCM/NoPadding"),
                Cipher.DECRYPT_MODE, key, nonce, new byte[0], sealed));
    }

    /** A SnapStart snapshot would hand AWS-LC's generator state to every environment restored from it. */
    @Test
    void randomnessKeyGenerationAndMacsStayTheJdks() throws Exception {
        installed();
        for (Provider provider : new Provider[] {new SecureRandom().getProvider(),
                KeyPairGenerator.getInstance("EC").getProvider(), KeyAgreement.getInstance("ECDH").getProvider(),
                KeyPairGenerator.getInstance("X25519").getProvider(), Mac.getInstance("HmacSHA256").getProvider()}) {
            assertNotEquals(AwsLcProvider.NAME, provider.getName());
            assertFalse(provider.getName().contains("Corretto"), provider.getName());
        }
    }

    @Test
    void theSelfTestRefusesAnswersFromAnyOtherProvider() {
        installed();
        Provider awsLc = Security.getProvider(AwsLcProvider.NAME);
        Security.removeProvider(AwsLcProvider.NAME);
        try {
            GeneralSecurityException refused = assertThrows(GeneralSecurityException.class, NativeCrypto::selfTest);
            assertEquals("self-test failed: SHA-256 from sqlscore-AWS-LC, not SUN", refused.getMessage());
        } finally {
            Security.insertProviderAt(awsLc, 1);
        }
    }

    /** The JCA asks a service whether it takes a key before it uses it. */
    @Test
    void theAesGcmServiceTakesAesKeys() {
        installed();
        Provider.Service gcm = Security.getProvider(AwsLcProvider.NAME).getService("Cipher", "AES/GCM/NoPadding");
        assertTrue(gcm.supportsParameter(new SecretKeySpec(new byte[16], "AES")));
    }

    @Test
    void theArtifactCarriesEachBuildUnderItsOwnName() throws IOException {
        assertEquals(ELF_X86_64, nativeLibraryMachine("AmazonCorrettoCryptoProvider-linux-x86_64.jar"));
        assertEquals(ELF_AARCH64, nativeLibraryMachine("AmazonCorrettoCryptoProvider-linux-aarch_64.jar"));
    }

    /** In a JVM of its own, since a JVM installs once: what it chose and who serves SHA-256 there. */
    @Test
    void aPropertyKeepsTheJdks() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsqlscore.crypto=jdk", "-cp", System.getProperty("java.class.path"), Report.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals("JDK: chosen by -Dsqlscore.crypto=jdk / SUN", output);
    }

    /** Prints what {@link NativeCrypto#install()} did and whose SHA-256 the JVM then uses. */
    static final class Report {
        public static void main(String[] args) throws Exception {
            System.out.println(NativeCrypto.install().description() + " / "
                    + MessageDigest.getInstance("SHA-256").getProvider().getName());
        }
    }

    @Test
    void platformsWithABuild() {
        assertEquals("linux-x86_64", NativeCrypto.platform("Linux", "amd64"));
        assertEquals("linux-x86_64", NativeCrypto.platform("Linux", "x86_64"));
        assertEquals("linux-aarch_64", NativeCrypto.platform("Linux", "aarch64"));
        assertNull(NativeCrypto.platform("Mac OS X", "aarch64"));
        assertNull(NativeCrypto.platform("Windows 11", "amd64"));
        assertNull(NativeCrypto.platform("Linux", "ppc64le"));
        assertNull(NativeCrypto.platform("Linux", null));
        assertNull(NativeCrypto.platform(null, "amd64"));
    }

    @Test
    void elsewhereTheJdkStaysAndSaysWhy() {
        NativeCrypto.Status mac = NativeCrypto.tryInstall("Mac OS X", "aarch64", name -> {
            throw new AssertionError("no build to look for");
        }, temp);
        assertFalse(mac.awsLc());
        assertEquals("JDK: no AWS-LC build for Mac OS X on aarch64", mac.description());

        NativeCrypto.Status missing = NativeCrypto.tryInstall("Linux", "amd64", name -> null, temp);
        assertFalse(missing.awsLc());
        assertEquals("JDK: AmazonCorrettoCryptoProvider-linux-x86_64.jar is not in the artifact",
                missing.description());
    }

    @Test
    void aBuildThatDoesNotLoadLeavesTheJdk() throws IOException {
        installed();
        NativeCrypto.Status broken = NativeCrypto.tryInstall("Linux", "amd64",
                name -> new ByteArrayInputStream("not a jar".getBytes(StandardCharsets.UTF_8)), temp);
        assertFalse(broken.awsLc());
        assertTrue(broken.description().startsWith("JDK: AWS-LC did not load ("), broken.description());
        assertEquals(List.of(), listing(temp), "the copy that did not load is deleted too");
        assertEquals(AwsLcProvider.NAME, Security.getProviders()[0].getName(), "a failed try removes no provider");
    }

    @Test
    void aSecondInstallationIsRefusedAndTheFirstStays() throws IOException {
        installed();
        NativeCrypto.Status again = NativeCrypto.tryInstall(System.getProperty("os.name"),
                System.getProperty("os.arch"), NativeCrypto.class::getResourceAsStream, temp);
        assertEquals("JDK: AWS-LC did not load (java.security.GeneralSecurityException: sqlscore-AWS-LC is installed "
                + "already)", again.description());
        assertEquals(AwsLcProvider.NAME, Security.getProviders()[0].getName());
        assertEquals(List.of(), listing(temp), "the build, loaded, is deleted before it is registered");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static int nativeLibraryMachine(String jar) throws IOException {
        try (InputStream in = NativeCrypto.class.getResourceAsStream(jar);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so")) {
                    byte[] header = zip.readNBytes(20);
                    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(header, 4));
                    return ByteBuffer.wrap(header, 18, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
                }
            }
        }
        throw new AssertionError(jar + " has no native library");
    }

    private static byte[] gcm(Cipher cipher, int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws Exception {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
