package org.is3.core.gt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.is3.core.InputException;

/**
 * Streams a JSON list of objects, one entry at a time (the SSLalignment {@code *_bbox.json} /
 * {@code *_seg.json} layout and {@code vggss.json}). Python's {@code json} module writes
 * {@code NaN} and {@code Infinity} literals, so they are parsed here and rejected by the readers
 * with a message naming the entry, instead of failing as a syntax error.
 */
final class SslAlignListJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** One list element: its 0-based position and its content. */
    record Entry(int index, JsonNode node) {
    }

    private SslAlignListJson() {
    }

    /** Calls {@code handler} for every element of the top-level list, in order. */
    static void forEach(Path json, Consumer<Entry> handler) {
        try (JsonParser p = MAPPER.createParser(Files.newInputStream(json))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new InputException(json + ": expected a JSON list of entries, found "
                        + describe(p.currentToken()));
            }
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new InputException(json + ": the list is not closed (file truncated?)");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new InputException(json + ": entry " + index + " is " + describe(t) + ", expected an object");
                }
                handler.accept(new Entry(index, MAPPER.readTree(p)));
                index++;
            }
        } catch (NoSuchFileException e) {
            throw new InputException("ground-truth file not found: " + json, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(json + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    /** A required string field of an entry. */
    static String requireText(Path json, Entry e, String field) {
        JsonNode v = e.node().get(field);
        if (v == null) {
            throw new InputException(json + ": entry " + e.index() + " has no field '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new InputException(json + ": entry " + e.index() + ": field '" + field + "' is " + v.getNodeType()
                    + ", expected a string");
        }
        return v.textValue();
    }

    /**
     * The sample id SSLalignment derives from an {@code image} path: the part after the last
     * {@code '/'}, cut at its first {@code '.'} ({@code accordion_female_10438_accordion}).
     */
    static String imageStem(String imagePath) {
        String base = imagePath.substring(imagePath.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return dot < 0 ? base : base.substring(0, dot);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
