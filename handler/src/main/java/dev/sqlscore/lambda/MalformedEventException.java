package dev.sqlscore.lambda;

/** The Lambda event is not an API Gateway REST proxy event (payload format 1.0) the handler can read. */
final class MalformedEventException extends Exception {

    MalformedEventException(String problem) {
        super("The Lambda event " + problem + ". This function expects API Gateway REST API proxy events (Lambda "
                + "proxy integration, payload format 1.0), as Snowflake's external functions send through API Gateway");
    }
}
