package dev.bulkhead.cost;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices a cost estimate uses, with the date they were recorded and where they come from: one file,
 * {@code dev/bulkhead/cost/prices.json} on the classpath, so a price change is a one-line diff that reviews can see.
 */
public record PriceList(String recorded, String currency, int hoursPerMonth, String basis, List<String> sources,
                        String podRequests, Map<String, RegionPrices> regions) {

    static final String RESOURCE = "/dev/bulkhead/cost/prices.json";

    public PriceList {
        sources = sources == null ? List.of() : List.copyOf(sources);
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        if (hoursPerMonth <= 0) {
            throw new IllegalArgumentException("hoursPerMonth must be positive, got " + hoursPerMonth);
        }
    }

    /** The price file shipped with the program. */
    public static PriceList bundled() {
        try (InputStream in = PriceList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PriceList parse(String json) {
        try {
            PriceList list = new Gson().fromJson(json, PriceList.class);
            // Gson bypasses the canonical constructor: run its checks and copies explicitly.
            return new PriceList(list.recorded(), list.currency(), list.hoursPerMonth(), list.basis(), list.sources(),
                    list.podRequests(), list.regions());
        } catch (JsonParseException e) {
            throw new IllegalStateException("the price file is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The prices of {@code region}, if the file has them. */
    public Optional<RegionPrices> region(String region) {
        return Optional.ofNullable(regions.get(region));
    }
}
