package dev.sqlscore.infra.config;

/**
 * How an asynchronous function reaches its SageMaker Asynchronous Inference endpoint: the endpoint's own output
 * configuration (the Lambda may read exactly there) and the optional limits of each request.
 *
 * @param outputPath               the endpoint's {@code S3OutputPath}, {@code s3://bucket/prefix}
 * @param failurePath              the endpoint's {@code S3FailurePath}, or null when it has none
 * @param invocationTimeoutSeconds how long the container may take per request (1 to 3600), or null for the
 *                                 endpoint's default
 * @param requestTtlSeconds        how long a request may wait in the endpoint's queue (60 to 21600), or null
 * @param endpointRoleArn          the endpoint's execution role, granted read access to the request payloads through
 *                                 the state bucket's policy; null when the user grants it on the role itself
 */
public record AsyncSettings(String outputPath, String failurePath, Integer invocationTimeoutSeconds,
                            Integer requestTtlSeconds, String endpointRoleArn) {

    /** The bucket of an {@code s3://bucket/prefix} location. */
    public static String bucketOf(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The key prefix of an {@code s3://bucket/prefix} location, ending in '/' unless empty. */
    public static String prefixOf(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
