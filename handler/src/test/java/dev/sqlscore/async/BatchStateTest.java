package dev.sqlscore.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchStateTest {

    @Test
    void theStateSurvivesItsJsonAndHoldsNumbersAndLocationsOnly() {
        BatchState state = new BatchState(1_700_000_000_000L, new long[] {4, 5, 9, 10}, new int[] {2},
                List.of(new BatchState.Chunk(2, S3Location.parse("s3://out/p/a.out"),
                        S3Location.parse("s3://out/f/a-error.out")),
                        new BatchState.Chunk(1, S3Location.parse("s3://out/p/b.out"), null)));
        byte[] json = state.toJson();
        BatchState read = BatchState.fromJson(json);
        assertEquals(state.createdAtMillis(), read.createdAtMillis());
        assertArrayEquals(state.rowNumbers(), read.rowNumbers());
        assertArrayEquals(state.noInput(), read.noInput());
        assertEquals(state.chunks(), read.chunks());
        assertNull(read.chunks().get(1).failure());
        assertEquals("BatchState[rows=4, chunks=2]", read.toString());
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"version\":1,"), text);
    }

    @Test
    void aDocumentThisVersionDidNotWriteIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BatchState.fromJson("{\"version\":2}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> BatchState.fromJson("not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void locationsParseAndResolveAsFolders() {
        S3Location prefix = S3Location.parse("s3://bucket/state");
        assertEquals("s3://bucket/state/x.json", prefix.resolve("x.json").uri());
        assertEquals("s3://bucket/state/x.json", S3Location.parse("s3://bucket/state/").resolve("x.json").uri());
        assertEquals("s3://bucket/x.json", S3Location.parse("s3://bucket").resolve("x.json").uri());
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("https://bucket/x"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://"));
        for (String noBucket : List.of("s3:///state/", "s3:///", "s3:///x.json")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> S3Location.parse(noBucket), noBucket);
            assertEquals("no bucket in " + noBucket + ": write s3://bucket/key", e.getMessage());
        }
    }
}
