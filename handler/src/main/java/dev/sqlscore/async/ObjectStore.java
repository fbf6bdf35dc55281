package dev.sqlscore.async;

import java.time.Duration;
import java.util.Optional;

/**
 * The durable state of asynchronous batches: S3 on Lambda, an S3-protocol server locally. The core knows nothing
 * of AWS; {@code dev.sqlscore.s3} holds the S3 implementation. Thread-safe.
 */
public interface ObjectStore {

    /** An object's bytes and the content type it was stored with (null when none). */
    record StoredObject(byte[] body, String contentType) {
    }

    /**
     * @param timeout the longest the call may take, retries included
     * @return the object, or empty when there is none at that location
     * @throws StoreException when the store cannot be read (a retry may succeed)
     */
    Optional<StoredObject> get(S3Location location, Duration timeout);

    /**
     * Whether an object is there, without reading it.
     *
     * @throws StoreException when the store cannot be asked
     */
    boolean exists(S3Location location, Duration timeout);

    /** @throws StoreException when the object cannot be written */
    void put(S3Location location, byte[] body, String contentType, Duration timeout);

    /** The store failed; {@link #denied()} when it refused our identity (a deployment problem, not transient). */
    final class StoreException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final boolean denied;

        public StoreException(String message, boolean denied, Throwable cause) {
            super(message, cause);
            this.denied = denied;
        }

        public boolean denied() {
            return denied;
        }
    }
}
