package dev.sqlscore.scoring;

import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.async.S3Location;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An object store in memory, as S3 would keep the state of asynchronous batches. */
class MemoryStore implements ObjectStore {

    final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredObject> get(S3Location location, Duration timeout) {
        return Optional.ofNullable(objects.get(location.uri()));
    }

    @Override
    public boolean exists(S3Location location, Duration timeout) {
        return objects.containsKey(location.uri());
    }

    @Override
    public void put(S3Location location, byte[] body, String contentType, Duration timeout) {
        objects.put(location.uri(), new StoredObject(body, contentType));
    }
}
