package dev.corral.hosts.api;

import dev.corral.base.InvalidInputException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads the fields of a merge-patch body (RFC 7396): a field given as null clears it, one left out stays. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode body, String field, String current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, "Give " + field + " as text.");
        }
        return value.asString();
    }

    static Integer integer(JsonNode body, String field, Integer current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw new InvalidInputException(field, "Give " + field + " as a whole number.");
        }
        return value.asInt();
    }

    static UUID id(JsonNode body, String field, UUID current) {
        String text = text(body, field, current == null ? null : current.toString());
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "\"" + text + "\" is not an id.");
        }
    }

    static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "Send a JSON object with the fields to change.");
        }
    }
}
