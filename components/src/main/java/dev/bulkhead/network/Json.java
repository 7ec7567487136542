package dev.bulkhead.network;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** JSON for IAM documents, keeping map order and without HTML escaping (so {@code <}, {@code =} stay readable). */
final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    static String write(Object value) {
        return GSON.toJson(value);
    }
}
