package org.soleus.io.calibration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON text begins, keyed by its JSON Pointer (RFC 6901, e.g.
 * {@code /channels/left.insole.cell03_counts/a}), so that a message about a value read from a
 * JSON tree, which keeps no locations, can name its line and column. Immutable.
 */
final class JsonValueLocations {
    private final Map<String, JsonLocation> starts;

    private JsonValueLocations(Map<String, JsonLocation> starts) {
        this.starts = Map.copyOf(starts);
    }

    /** Reads every value's start from {@code parser}, to the end of its text; the text must be valid JSON. */
    static JsonValueLocations of(JsonParser parser) throws IOException {
        Map<String, JsonLocation> starts = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                continue;
            }
            JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
                    : parser.getParsingContext();
            starts.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation());
        }
        return new JsonValueLocations(starts);
    }

    /** The pointer to the member {@code keys} below the root, one object key per level. */
    static String pointer(String... keys) {
        JsonPointer pointer = JsonPointer.empty();
        for (String key : keys) {
            pointer = pointer.appendProperty(key);
        }
        return pointer.toString();
    }

    /**
     * The start of the value at {@code pointer}, or, when there is none (a key that is missing),
     * of the nearest value that holds it: the root at worst.
     */
    JsonLocation at(String pointer) {
        for (JsonPointer p = JsonPointer.compile(pointer); p != null; p = p.head()) {
            JsonLocation location = starts.get(p.toString());
            if (location != null) {
                return location;
            }
        }
        return JsonLocation.NA;
    }
}
