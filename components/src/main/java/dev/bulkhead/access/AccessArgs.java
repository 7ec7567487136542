package dev.bulkhead.access;

import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link Access}: who may assume which role (the access spec and each project's developers). */
public final class AccessArgs extends ResourceArgs {

    private String stack;
    private AccessSpec spec;
    private List<ProjectSpec> projects = List.of();

    private AccessArgs() {
    }

    public String stack() {
        return stack;
    }

    public AccessSpec spec() {
        return spec;
    }

    public List<ProjectSpec> projects() {
        return projects;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AccessArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final AccessArgs args = new AccessArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder spec(AccessSpec spec) {
            args.spec = spec;
            return this;
        }

        public Builder projects(List<ProjectSpec> projects) {
            args.projects = List.copyOf(projects);
            return this;
        }

        public AccessArgs build() {
            Objects.requireNonNull(args.stack, "AccessArgs: stack is required");
            Objects.requireNonNull(args.spec, "AccessArgs: spec is required");
            return args;
        }
    }
}
