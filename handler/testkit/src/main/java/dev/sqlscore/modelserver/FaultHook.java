package dev.sqlscore.modelserver;

import java.util.Objects;

/**
 * Decides, per request, whether the local model server behaves or fails: the seam for fault injection. Called
 * on the request's own thread before the model; it may block to delay the request (the server's
 * {@link ModelServer#close()} interrupts it).
 */
@FunctionalInterface
public interface FaultHook {

    FaultHook NONE = invocation -> Action.proceed();

    Action before(Invocation invocation) throws InterruptedException;

    /** What to do with one request. */
    record Action(Kind kind, Reply reply) {

        public enum Kind {
            /** Let the model answer. */
            PROCEED,
            /** Answer with {@link #reply()} instead of the model. */
            REPLY,
            /** Close the connection without answering: the client sees it end mid-exchange, as on a reset. */
            DROP_CONNECTION,
            /** Let the model answer, then send only half its body and close the connection. */
            TRUNCATE_ANSWER
        }

        public Action {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.REPLY) != (reply != null)) {
                throw new IllegalArgumentException("a reply goes with REPLY and only with it");
            }
        }

        public static Action proceed() {
            return new Action(Kind.PROCEED, null);
        }

        public static Action reply(Reply reply) {
            return new Action(Kind.REPLY, Objects.requireNonNull(reply, "reply"));
        }

        public static Action dropConnection() {
            return new Action(Kind.DROP_CONNECTION, null);
        }

        public static Action truncateAnswer() {
            return new Action(Kind.TRUNCATE_ANSWER, null);
        }
    }
}
