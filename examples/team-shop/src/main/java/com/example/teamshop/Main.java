package com.example.teamshop;

import com.pulumi.Context;
import com.pulumi.Pulumi;

import java.util.Optional;

/** Project shop's own stack: started by `pulumi up` (the operator's workspace runs it). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> ShopStack.define(ctx, ShopSettings.from(key -> config(ctx, key))));
    }

    /** A config value by its full key, {@code namespace:name}, as the engine hands it over (structured as JSON). */
    private static Optional<String> config(Context ctx, String key) {
        int colon = key.indexOf(':');
        return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
    }
}
