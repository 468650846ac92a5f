package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** A base image may have no history (OCI makes it optional); building on it must still give one entry per layer. */
class ImageConfigHistoryTest {

    private static JsonObject config(String history) {
        String h = history == null ? "" : ",\"history\":" + history;
        return JsonParser.parseString("{\"created\":\"2024-01-01T00:00:00Z\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"sha256:" + "a".repeat(64) + "\",\"sha256:" + "b".repeat(64) + "\"]}" + h + "}")
                .getAsJsonObject();
    }

    @Test
    void aBaseWithoutHistoryGetsOneEntryPerLayer() {
        JsonArray history = ImageConfig.inherit(config(null)).getAsJsonArray("history");
        assertEquals(2, history.size());
        for (var h : history) {
            assertFalse(h.getAsJsonObject().has("empty_layer"));
            assertEquals("2024-01-01T00:00:00Z", h.getAsJsonObject().get("created").getAsString());
        }
    }

    @Test
    void missingEntriesGoInFrontOfTheKnownOnes() {
        JsonArray history = ImageConfig.inherit(config("[{\"created_by\":\"ENV A=1\",\"empty_layer\":true},"
                + "{\"created_by\":\"COPY x /\"}]")).getAsJsonArray("history");
        assertEquals(3, history.size());
        assertFalse(history.get(0).getAsJsonObject().has("created_by"));
        assertTrue(history.get(1).getAsJsonObject().get("empty_layer").getAsBoolean());
        assertEquals("COPY x /", history.get(2).getAsJsonObject().get("created_by").getAsString());
    }

    @Test
    void aCompleteHistoryIsLeftAlone() {
        String complete = "[{\"created_by\":\"a\"},{\"created_by\":\"b\"}]";
        assertEquals(JsonParser.parseString(complete), ImageConfig.inherit(config(complete)).get("history"));
    }
}
