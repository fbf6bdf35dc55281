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
        assertThrows(UnsupportedOperationException.class, () -> HttpHeaders.ofSingle(Map.of("A", "1")).all("a")
                .add("2"));
    }

    @Test
    void aNameIsKeptInTheCaseItFirstCameInAndNamesInTheOrderTheyCame() {
        HttpHeaders headers = HttpHeaders.builder().add("X-Amz-Date", "1").add("sf-custom-a", "2")
                .add("x-amz-date", "3").add("Host", "4").build();

        assertEquals(List.of("X-Amz-Date", "sf-custom-a", "Host"), headers.names());
        assertEquals(List.of("1", "3"), headers.all("X-AMZ-DATE"));
        assertEquals("HttpHeaders[host, sf-custom-a, x-amz-date]", headers.toString());
    }

    /** Equal exactly where {@link String#CASE_INSENSITIVE_ORDER} says equal, beyond ASCII too. */
    @Test
    void namesMatchWhereACaseInsensitiveComparisonSaysTheyAreEqual() {
        List<String> names = List.of("Accept", "ACCEPT", "accept", "\u00b5", "\u039c", "\u03bc", "stra\u00dfe",
                "STRASSE", "\u0130", "i", "I", "\u0131", "\u00ff", "\u0178", "\ud801\udc00", "\ud801\udc28", "K",
                "\u212a", "k");
        for (String a : names) {
            for (String b : names) {
                boolean equal = String.CASE_INSENSITIVE_ORDER.compare(a, b) == 0;
                assertEquals(equal, HttpHeaders.fold(a).equals(HttpHeaders.fold(b)), a + " and " + b);
                assertEquals(equal ? Optional.of("v") : Optional.empty(),
                        HttpHeaders.builder().add(a, "v").build().first(b), a + " and " + b);
            }
        }
    }

    @Test
    void singleValuesSkipNullsAndNoMapIsNoHeaders() {
        Map<String, String> single = new HashMap<>();
        single.put("Accept", "application/json");
        single.put("X-Null", null);
        single.put(null, "x");
        HttpHeaders headers = HttpHeaders.ofSingle(single);
        assertEquals(List.of("Accept"), headers.names());
        assertEquals(List.of(), HttpHeaders.ofSingle(null).names());
        assertEquals(List.of(), HttpHeaders.ofMulti(null).names());
    }
}
