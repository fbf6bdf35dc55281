package dev.sqlscore.protocol;


/** The headers Snowflake sets on every external-function call, and the checks on them. */
public final class SnowflakeHeaders {

    public static final String FORMAT = "sf-external-function-format";
    public static final String FORMAT_VERSION = "sf-external-function-format-version";
    public static final String QUERY_ID = "sf-external-function-current-query-id";
    public static final String BATCH_ID = "sf-external-function-query-batch-id";
    public static final String FUNCTION_NAME = "sf-external-function-name";
    /** Each {@code HEADERS = ('k' = 'v')} entry of the function arrives as {@code sf-custom-k}. */
    public static final String CUSTOM_PREFIX = "sf-custom-";

    private static final String SUPPORTED_FORMAT = "json";
    private static final String SUPPORTED_VERSION = "1.0";

    private SnowflakeHeaders() {
    }

    /**
     * Only POST carries a batch. A GET is an asynchronous-protocol poll, which never happens because this
     * handler always answers synchronously.
     *
     * @throws MethodNotAllowedException for any other method
     */
    public static void requirePost(String method) {
        if (!"POST".equalsIgnoreCase(method)) {
            throw new MethodNotAllowedException("HTTP method " + Texts.clip(method) + " is not "
                    + "supported: Snowflake external functions POST each batch, and this handler answers every batch "
                    + "synchronously (it never starts Snowflake's asynchronous protocol, so there is nothing to poll)");
        }
    }

    /**
     * When Snowflake states the payload format, it must be the one we speak; absent headers are accepted so
     * that local tools need not send them.
     *
     * @throws InvalidHeaderException naming the header
     */
    public static void requireSupportedFormat(HttpHeaders headers) {
        require(headers, FORMAT, SUPPORTED_FORMAT);
        require(headers, FORMAT_VERSION, SUPPORTED_VERSION);
    }

    private static void require(HttpHeaders headers, String name, String expected) {
        headers.first(name).map(String::strip).ifPresent(value -> {
            if (!value.equalsIgnoreCase(expected)) {
                throw new InvalidHeaderException("Header " + name + " is '" + Texts.clip(value) + "', but this handler "
                        + "only speaks '" + expected + "'; create the external function with the default "
                        + "request format (JSON, version 1.0)");
            }
        });
    }
}
