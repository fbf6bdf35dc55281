package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request headers as API Gateway hands them over: any case, single or multiple values, immutable once read. */
class HttpHeadersTest {

    @Test
    void everyValueIsKeptInOrderWhateverTheCaseOfItsName() {
        Map<String, List<String>> multi = new HashMap<>();
        multi.put("X-Forwarded-For", Arrays.asList("10.0.0.1", null, "10.0.0.2"));
        multi.put("sf-custom-team", List.of("risk"));
        multi.put(null, List.of("dropped"));
        multi.put("Empty", null);
        HttpHeaders headers = HttpHeaders.ofMulti(multi);

        assertEquals(List.of("10.0.0.1", "10.0.0.2"), headers.all("x-forwarded-for"));
        assertEquals(Optional.of("10.0.0.1"), headers.first("X-FORWARDED-FOR"));
        assertEquals(List.of(), headers.all("absent"));
        assertEquals(Optional.empty(), headers.first("Empty"));
        assertEquals(("X-Forwarded-For".length() + "10.0.0.1".length()) * 2 + "sf-custom-team".length() + 4,
                headers.sizeInChars());
    }

    @Test
    void whatWasReadCannotBeChangedAfterwards() {
        Map<String, List<String>> multi = new HashMap<>();
        List<String> values = new ArrayList<>(List.of("a"));
        multi.put("X-Test", values);
        HttpHeaders headers = HttpHeaders.ofMulti(multi);
        values.add("added later");

        assertEquals(List.of("a"), headers.all("X-Test"));
        assertThrows(UnsupportedOperationException.class, () -> headers.all("X-Test").add("b"));
        assertThrows(UnsupportedOperationException.class, () -> headers.asMap().get("x-test").add("b"));
        assertThrows(UnsupportedOperationException.class, () -> HttpHeaders.ofSingle(Map.of("A", "1")).all("a")
                .add("2"));
    }

    @Test
    void singleValuesSkipNullsAndNoMapIsNoHeaders() {
        Map<String, String> single = new HashMap<>();
        single.put("Accept", "application/json");
        single.put("X-Null", null);
        single.put(null, "x");
        HttpHeaders headers = HttpHeaders.ofSingle(single);
        assertEquals(List.of("accept"), headers.asMap().keySet().stream().map(String::toLowerCase).toList());
        assertEquals(0, HttpHeaders.ofSingle(null).asMap().size());
        assertEquals(0, HttpHeaders.ofMulti(null).asMap().size());
    }
}
