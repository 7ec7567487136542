package dev.bulkhead.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcesJsonTest {

    @Test
    void writesIntegralNumbersAsIntegersAndSortsKeys() {
        var r = new RenderedResource("urn:a", "aws:ec2/vpc:Vpc", "vpc", Optional.empty(), Optional.empty(),
                Map.of("cidrBlock", "10.0.0.0/16", "b", 3.0, "a", 1.5));
        String json = ResourcesJson.write(List.of(r));
        assertTrue(json.contains("\"b\": 3"), json);
        assertTrue(json.contains("\"a\": 1.5"), json);
        assertTrue(json.indexOf("\"a\"") < json.indexOf("\"b\"") && json.indexOf("\"b\"") < json.indexOf("\"cidrBlock\""));
        assertTrue(json.contains("\"parent\": null"));
    }

    @Test
    void truncatedFileIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ResourcesJson.read("[{\"urn\": \"a\", "));
        assertTrue(e.getMessage().startsWith("resources.json is not valid JSON"), e.getMessage());
    }

    @Test
    void entryWithoutInputsNamesItsIndexAndUrn() {
        var e = assertThrows(IllegalArgumentException.class, () -> ResourcesJson.read(
                "[{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\",\"parent\":null,\"provider\":null}]"));
        assertEquals("resources.json[0] (u) has no inputs object", e.getMessage());
    }

    @Test
    void notAnArrayIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ResourcesJson.read("{}"));
        assertEquals("resources.json must be a JSON array of resources", e.getMessage());
    }
}
