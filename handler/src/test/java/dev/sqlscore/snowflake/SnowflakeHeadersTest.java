package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.errors.MethodNotAllowedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnowflakeHeadersTest {

    @Test
    void onlyPostCarriesABatch() {
        assertDoesNotThrow(() -> SnowflakeHeaders.requirePost("POST"));
        assertDoesNotThrow(() -> SnowflakeHeaders.requirePost("post"));
        for (String method : new String[] {"GET", "PUT", "HEAD"}) {
            MethodNotAllowedException e = assertThrows(MethodNotAllowedException.class,
                    () -> SnowflakeHeaders.requirePost(method));
            assertEquals(405, e.httpStatus());
            assertEquals("METHOD_NOT_ALLOWED", e.errorCode());
            assertTrue(e.getMessage().contains(method) && e.getMessage().contains("sagemaker-mode"), e.getMessage());
        }
    }

    @Test
    void theFormatHeadersMustSayJson10WhenPresent() {
        assertDoesNotThrow(() -> SnowflakeHeaders.requireSupportedFormat(HttpHeaders.empty()));
        assertDoesNotThrow(() -> SnowflakeHeaders.requireSupportedFormat(HttpHeaders.ofSingle(
                Map.of("SF-External-Function-Format", "JSON", "sf-external-function-format-version", "1.0"))));
        InvalidHeaderException format = assertThrows(InvalidHeaderException.class,
                () -> SnowflakeHeaders.requireSupportedFormat(HttpHeaders.ofSingle(
                        Map.of("sf-external-function-format", "xml"))));
        assertTrue(format.getMessage().contains("sf-external-function-format is 'xml'"), format.getMessage());
        InvalidHeaderException version = assertThrows(InvalidHeaderException.class,
                () -> SnowflakeHeaders.requireSupportedFormat(HttpHeaders.ofSingle(
                        Map.of("sf-external-function-format-version", "2.0"))));
        assertTrue(version.getMessage().contains("sf-external-function-format-version"), version.getMessage());
        assertEquals(400, version.httpStatus());
    }
}
