package dev.sqlscore.crypto;

import dev.sqlscore.errors.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Puts AWS-LC's SHA-256 and AES-GCM ahead of the JDK's, for the whole JVM. The SDK hashes every request body for its
 * SigV4 signature and TLS encrypts every byte; under Lambda's java21 JIT (C1 only) the JDK does both in Java at about
 * 150 and 50 MB/s, AWS-LC at GB/s. AWS-LC comes from the Amazon Corretto Crypto Provider build for this CPU, which the
 * artifact carries as a jar of its own ({@code linux-x86_64} and {@code linux-aarch_64}) and which is loaded in a
 * class loader of its own; only those two algorithms are taken from it. Whatever goes wrong (another platform, a
 * library that does not load, an answer that differs from the standard's), the JDK's implementations stay, and
 * {@link #install()} says why.
 */
public final class NativeCrypto {

    static final String SHA_256 = "SHA-256";
    static final String AES_GCM = "AES/GCM/NoPadding";
    private static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final String JAR_RESOURCE = "AmazonCorrettoCryptoProvider-%s.jar";
    static final String CHOICE_PROPERTY = "sqlscore.crypto";
    /** The start line carries the reason: one line of a log, not a stack trace. */
    static final int MAX_REASON = 200;
    static final String JDK_CHOSEN = "jdk";

    private static Status installed;

    private NativeCrypto() {
    }

    /** What {@link #install()} did: AWS-LC in use, or the JDK's implementations and why. */
    public record Status(boolean awsLc, String description) {
    }

    /**
     * Installs AWS-LC's SHA-256 and AES-GCM once per JVM; later calls answer what the first one did. {@code
     * -Dsqlscore.crypto=jdk} keeps the JDK's (to compare, or should AWS-LC misbehave somewhere).
     */
    public static synchronized Status install() {
        if (installed == null) {
            installed = JDK_CHOSEN.equals(System.getProperty(CHOICE_PROPERTY))
                    ? new Status(false, "JDK: chosen by -D" + CHOICE_PROPERTY + "=" + JDK_CHOSEN)
                    : tryInstall(System.getProperty("os.name"), System.getProperty("os.arch"),
                    NativeCrypto.class::getResourceAsStream, Path.of(System.getProperty("java.io.tmpdir")));
        }
        return installed;
    }

    /** What {@link #install()} did in this JVM, without installing anything. */
    public static synchronized Status status() {
        return installed == null ? new Status(false, "JDK: not installed in this JVM") : installed;
    }

    /**
     * Copies the build for this platform into {@code tempDir}, loads it and deletes the copy: its class loader keeps
     * the jar open, and on Linux an open file stays readable after its name is gone. A copy left behind would be 3.4 MB
     * of a Lambda's {@code /tmp} for every JVM that ever started in the execution environment (Lambda initializes the
     * function again after a crash, a timeout or running out of memory, and does not promise an empty {@code /tmp}
     * then), and of a machine's for every {@code serve} killed without a shutdown.
     */
    static Status tryInstall(String osName, String osArch, Function<String, InputStream> resources, Path tempDir) {
        String platform = platform(osName, osArch);
        if (platform == null) {
            return new Status(false, "JDK: no AWS-LC build for " + osName + " on " + osArch);
        }
        String resource = String.format(Locale.ROOT, JAR_RESOURCE, platform);
        try (InputStream jar = resources.apply(resource)) {
            if (jar == null) {
                return new Status(false, "JDK: " + resource + " is not in the artifact");
            }
            Path copy = Files.createTempFile(tempDir, "sqlscore-aws-lc-", ".jar");
            Provider accp;
            try {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                accp = load(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
            return register(accp, platform);
        } catch (IOException | GeneralSecurityException | ReflectiveOperationException | LinkageError
                 | RuntimeException e) {
            Throwable reason = e instanceof InvocationTargetException thrown && thrown.getCause() != null
                    ? thrown.getCause() : e;
            return new Status(false, "JDK: AWS-LC did not load (" + Texts.clip(reason.toString(), MAX_REASON) + ")");
        }
    }

    /** The classifier of the build for this platform, or null when there is none. */
    static String platform(String osName, String osArch) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).startsWith("linux") || osArch == null) {
            return null;
        }
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-aarch_64";
            default -> null;
        };
    }

    private static Provider load(Path jar) throws IOException, ReflectiveOperationException {
        @SuppressWarnings("resource") // classes load from it for the life of the JVM
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                NativeCrypto.class.getClassLoader());
        Class<?> accp = Class.forName(ACCP_CLASS, true, loader);
        Provider provider = (Provider) accp.getField("INSTANCE").get(null);
        accp.getMethod("assertHealthy").invoke(provider);
        return provider;
    }

    private static Status register(Provider accp, String platform) throws GeneralSecurityException {
        List<Provider.Service> services = new ArrayList<>();
        for (String[] wanted : new String[][] {{"MessageDigest", SHA_256}, {"Cipher", AES_GCM}}) {
            Provider.Service service = accp.getService(wanted[0], wanted[1]);
            if (service == null) {
                throw new GeneralSecurityException(accp.getName() + " has no " + wanted[0] + " " + wanted[1]);
            }
            services.add(service);
        }
        if (Security.insertProviderAt(new AwsLcProvider(accp, services), 1) < 0) {
            throw new GeneralSecurityException(AwsLcProvider.NAME + " is installed already");
        }
        try {
            selfTest();
        } catch (GeneralSecurityException | RuntimeException e) {
            Security.removeProvider(AwsLcProvider.NAME);
            throw e;
        }
        return new Status(true, "AWS-LC (" + accp.getName() + " " + accp.getVersionStr() + ", " + platform + ")");
    }

    /**
     * Known answers through the JCA, as the SDK and TLS will ask: SHA-256 of "abc" (FIPS 180-2) and an AES-128-GCM
     * seal and open (NIST GCM test case 3) in arrays and buffers, all served by the new provider.
     */
    static void selfTest() throws GeneralSecurityException {
        HexFormat hex = HexFormat.of();
        MessageDigest sha256 = MessageDigest.getInstance(SHA_256);
        expect(sha256.getProvider(), "SHA-256");
        expect(Arrays.equals(sha256.digest("abc".getBytes(StandardCharsets.US_ASCII)),
                hex.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")), "SHA-256");
        byte[] key = hex.parseHex("feffe9928665731c6d6a8f9467308308");
        byte[] nonce = hex.parseHex("cafebabefacedbaddecaf888");
        byte[] plain = hex.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        byte[] sealed = hex.parseHex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
                + "4d5c2af327cd64a62cf35abd2ba6fab4");
        Cipher gcm = Cipher.getInstance(AES_GCM);
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        expect(gcm.getProvider(), "AES-GCM");
        expect(Arrays.equals(gcm.doFinal(plain), sealed), "AES-GCM seal");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        expect(Arrays.equals(gcm.doFinal(sealed), plain), "AES-GCM open");
        // TLS seals and opens records in buffers: those paths load now too, before a SnapStart snapshot (a finished
        // decryption leaves the cipher ready to decrypt again with the same key and nonce)
        ByteBuffer opened = ByteBuffer.allocateDirect(plain.length);
        gcm.doFinal(ByteBuffer.wrap(sealed), opened);
        expect(opened.flip().equals(ByteBuffer.wrap(plain)), "AES-GCM open, buffers");
    }

    private static void expect(Provider provider, String what) throws GeneralSecurityException {
        expect(AwsLcProvider.NAME.equals(provider.getName()), what + " from " + AwsLcProvider.NAME + ", not "
                + provider.getName());
    }

    private static void expect(boolean held, String what) throws GeneralSecurityException {
        if (!held) {
            throw new GeneralSecurityException("self-test failed: " + what);
        }
    }
}
