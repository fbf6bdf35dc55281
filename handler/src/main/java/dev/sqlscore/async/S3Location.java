package dev.sqlscore.async;

import java.util.Objects;

/** An object in S3, {@code s3://bucket/key}. */
public record S3Location(String bucket, String key) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /**
     * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/key]} with a bucket named
     */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri + ": write s3://bucket/key");
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** The object {@code name} under this location taken as a folder. */
    public S3Location resolve(String name) {
        return new S3Location(bucket, key.isEmpty() || key.endsWith("/") ? key + name : key + "/" + name);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}
