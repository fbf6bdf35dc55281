package dev.sqlscore.errors;

/**
 * A method the function does not serve: a real-time function takes only POST (a GET poll reaches it only when its
 * HEADERS lost {@code sagemaker-mode = async}), an asynchronous one POST and GET.
 */
public final class MethodNotAllowedException extends ProtocolException {

    public static final String CODE = "METHOD_NOT_ALLOWED";

    public MethodNotAllowedException(String message) {
        super(405, CODE, message);
    }
}
