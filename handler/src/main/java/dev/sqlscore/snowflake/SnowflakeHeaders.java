package dev.sqlscore.snowflake;

import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.errors.MethodNotAllowedException;
import dev.sqlscore.errors.Texts;

/** The headers Snowflake sets on every external-function call, and the checks on them. */
public final class SnowflakeHeaders {

    public static final String FORMAT = "sf-external-function-format";
    public static final String FORMAT_VERSION = "sf-external-function-format-version";
    public static final String QUERY_ID = "sf-external-function-current-query-id";
    public static final String BATCH_ID = "sf-external-function-query-batch-id";
    public static final String FUNCTION_NAME = "sf-external-function-name";
    /** Each {@code CONTEXT_HEADERS = (current_role, ...)} entry arrives as {@code sf-context-current-role}. */
    public static final String CONTEXT_PREFIX = "sf-context-";
    /** Each {@code HEADERS = ('k' = 'v')} entry of the function arrives as {@code sf-custom-k}. */
    public static final String CUSTOM_PREFIX = "sf-custom-";

    /** Snowflake's own limit on a function's {@code HEADERS}: names and values, in all. */
    public static final int MAX_CUSTOM_HEADER_CHARS = 8 * 1024;
    /**
     * Names and values of every header, in all. Above what API Gateway passes to Lambda (10 KB), so only a
     * caller other than Snowflake meets it; it keeps such calls from making the handler read and log large
     * header sets.
     */
    public static final int MAX_HEADER_CHARS = 32 * 1024;

    private static final String SUPPORTED_FORMAT = "json";
    private static final String SUPPORTED_VERSION = "1.0";

    private SnowflakeHeaders() {
    }

    /**
     * A real-time function takes only POST, which carries a batch. A GET is an asynchronous-protocol poll, which
     * Snowflake sends only after a 202, and a real-time function never answers 202.
     *
     * @throws MethodNotAllowedException for any other method
     */
    public static void requirePost(String method) {
        if (!"POST".equalsIgnoreCase(method)) {
            throw new MethodNotAllowedException("HTTP method " + Texts.clip(method) + " is not "
                    + "supported: Snowflake external functions POST each batch, and this function answers every "
                    + "batch synchronously (only functions with HEADERS 'sagemaker-mode' = 'async' are polled)");
        }
    }

    /** POST starts a batch; GET is Snowflake's poll of an asynchronous one. */
    public static boolean isPoll(String method) {
        if ("GET".equalsIgnoreCase(method)) {
            return true;
        }
        if ("POST".equalsIgnoreCase(method)) {
            return false;
        }
        throw new MethodNotAllowedException("HTTP method " + Texts.clip(method) + " is not supported: Snowflake "
                + "POSTs a batch and, for an asynchronous function, polls it with GET");
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

    /**
     * @throws InvalidHeaderException naming the limit exceeded: all headers, or the function's {@code sf-custom-*}
     *                                headers
     */
    public static void requireWithinLimits(HttpHeaders headers) {
        int all = headers.sizeInChars();
        if (all > MAX_HEADER_CHARS) {
            throw new InvalidHeaderException("The request headers take " + all + " characters (names and values), "
                    + "over the handler's limit of " + MAX_HEADER_CHARS + "; send fewer or shorter headers");
        }
        int custom = 0;
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, CUSTOM_PREFIX, 0, CUSTOM_PREFIX.length())) {
                for (String value : headers.all(name)) {
                    custom += name.length() - CUSTOM_PREFIX.length() + value.length();
                }
            }
        }
        if (custom > MAX_CUSTOM_HEADER_CHARS) {
            throw new InvalidHeaderException("The function's HEADERS (sent as " + CUSTOM_PREFIX + "* headers) take "
                    + custom + " characters (names and values), over the " + MAX_CUSTOM_HEADER_CHARS + " Snowflake "
                    + "allows in all; shorten the HEADERS clause of the external function");
        }
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
