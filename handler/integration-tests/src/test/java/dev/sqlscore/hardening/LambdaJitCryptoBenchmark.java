package dev.sqlscore.hardening;

import dev.sqlscore.bench.Timings;
import dev.sqlscore.crypto.NativeCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every byte sent to SageMaker costs in cryptography under the JIT a Lambda function gets. Each request body is
 * hashed with SHA-256 for its SigV4 signature, and everything sent and received is encrypted by TLS (AES-GCM). The
 * JDK's fast paths for both are C2 intrinsics; Lambda's java17 and java21 runtimes start the JVM with {@code
 * -XX:TieredStopAtLevel=1}, so C2 never compiles and both run as C1-compiled Java. Measured in child JVMs with
 * Lambda's JIT flags and with the JVM's defaults, each with the JDK's implementations and with AWS-LC's as the
 * handler installs them ({@link NativeCrypto}), over 1 MB buffers, after a warm-up. Not a test.
 *
 * <pre>
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@lambda-jit-crypto
 * </pre>
 */
public final class LambdaJitCryptoBenchmark {

    private static final int BUFFER = 1 << 20;
    private static final int WARMUP_ROUNDS = 300;
    private static final int ROUNDS = 60;
    /** Request bodies: a 200-row CSV batch (13 features), a 10,000-row one, a 4 MB chunk. */
    private static final int[] BODIES = {17_800, 890_000, 4_000_000};

    private LambdaJitCryptoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--measure")) {
            if (args.length > 1 && args[1].equals("aws-lc") && !NativeCrypto.install().awsLc()) {
                throw new IllegalStateException(NativeCrypto.status().description());
            }
            measure();
            return;
        }
        System.out.printf(Locale.ROOT, "%s, %d cores, JDK %s; MB/s over 1 MB buffers, median of %d rounds%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), ROUNDS);
        StringBuilder header = new StringBuilder("| JIT, cryptography | SHA-256 MB/s | AES-128-GCM MB/s |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int body : BODIES) {
            header.append(String.format(Locale.ROOT, " %,d-byte body: hash + encrypt ms |", body));
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        List<String> lambdaJit = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        System.out.println(child("C1 only (Lambda's java21 flags), JDK", lambdaJit, "jdk"));
        System.out.println(child("C1 only (Lambda's java21 flags), AWS-LC", lambdaJit, "aws-lc"));
        System.out.println(child("C1 and C2 (the JVM's default), JDK", List.of(), "jdk"));
        System.out.println(child("C1 and C2 (the JVM's default), AWS-LC", List.of(), "aws-lc"));
    }

    private static String child(String label, List<String> jitFlags, String crypto)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(jitFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                LambdaJitCryptoBenchmark.class.getName(), "--measure", crypto));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String row = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the " + label + " run failed");
        }
        return "| " + label + " | " + row;
    }

    /** In the child: prints the rest of its table row. */
    private static void measure() throws GeneralSecurityException {
        byte[] data = new byte[BUFFER];
        new SplittableRandom(18).nextBytes(data);
        byte[] sealed = new byte[BUFFER + 16];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        double[] hashing = new double[ROUNDS];
        double[] sealing = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = System.nanoTime();
            sha256.digest(data);
            long hashed = System.nanoTime();
            byte[] nonce = new byte[12];
            nonce[0] = (byte) round;
            nonce[1] = (byte) (round >> 8);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            gcm.doFinal(data, 0, data.length, sealed, 0);
            long done = System.nanoTime();
            if (round >= 0) {
                hashing[round] = BUFFER / 1e6 / ((hashed - start) / 1e9);
                sealing[round] = BUFFER / 1e6 / ((done - hashed) / 1e9);
            }
        }
        double hashMbps = Timings.percentile(hashing, 50);
        double sealMbps = Timings.percentile(sealing, 50);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%,.0f | %,.0f |", hashMbps, sealMbps));
        for (int body : BODIES) {
            double megabytes = body / 1e6;
            row.append(String.format(Locale.ROOT, " %.2f |", megabytes / hashMbps * 1e3 + megabytes / sealMbps * 1e3));
        }
        System.out.println(row);
    }
}
