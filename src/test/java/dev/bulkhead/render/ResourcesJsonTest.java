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

    @Test
    void streamedValuesAreThoseOfTheJsonTree() throws java.io.IOException {
        String text = """
                [{"urn": "urn:a", "type": "kubernetes:core/v1:Service", "name": "a", "parent": null,
                  "provider": "urn:p", "inputs": {"z": [1, 1.0, 1.5, -2, 1e3, 9007199254740993, 2.5e-3, 0],
                  "b": {"n": null, "t": true, "f": false, "s": "\\u00e9\\"x", "e": {}, "l": []},
                  "a": [{"k": "v"}, [], "a very long string that is longer than the strings the reader shares,                 repeated: a very long string that is longer than the strings the reader shares"]}},
                 {"urn": "urn:b", "type": "t", "name": "b", "inputs": {"b": {"s": "\\u00e9\\"x"}}}]
                """;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("resources", ".json");
        try {
            java.nio.file.Files.writeString(file, text);
            List<RenderedResource> streamed = ResourcesJson.read(file);
            com.google.gson.JsonArray tree = com.google.gson.JsonParser.parseString(text).getAsJsonArray();
            assertEquals(2, streamed.size());
            for (int i = 0; i < tree.size(); i++) {
                assertEquals(JsonValues.toPlain(tree.get(i).getAsJsonObject().get("inputs")), streamed.get(i).inputs());
            }
            assertEquals(List.of(1L, 1L, 1.5, -2L, 1000L, 9007199254740993L, 0.0025, 0L),
                    streamed.get(0).inputs().get("z"), "numbers as the tree reads them");
            assertEquals(Optional.of("urn:p"), streamed.get(0).provider());
            assertEquals(Optional.empty(), streamed.get(1).parent());
            assertEquals(ResourcesJson.read(text), streamed);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void aMalformedFileGetsTheSameErrorStreamedOrNot() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("resources", ".json");
        try {
            for (String text : List.of("[{\"urn\": \"a\", ", "{}", "[{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\"}]",
                    "[{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\",\"inputs\":{}}, 3]", "[] []",
                    "[{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\",\"inputs\":{}},"
                            + "{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\",\"inputs\":{}}]")) {
                java.nio.file.Files.writeString(file, text);
                String fromText = assertThrows(IllegalArgumentException.class, () -> ResourcesJson.read(text)).getMessage();
                assertEquals(fromText, assertThrows(IllegalArgumentException.class, () -> ResourcesJson.read(file))
                        .getMessage(), text);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
