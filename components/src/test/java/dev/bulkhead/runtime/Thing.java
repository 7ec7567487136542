package dev.bulkhead.runtime;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/** The smallest custom resource: a type, a name, no inputs; its id and URN come from the engine. */
final class Thing extends CustomResource {

    static final String TYPE = "test:index:Thing";

    Thing(String name) {
        super(TYPE, name, ResourceArgs.Empty, (CustomResourceOptions) null);
    }
}
