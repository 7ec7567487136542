package dev.bulkhead.access;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Inputs of {@link ClusterAccess}: the cluster and the role ARNs to map into it. */
public final class ClusterAccessArgs extends ResourceArgs {

    private Output<String> clusterName;
    private Output<String> adminRoleArn;
    private Output<String> auditorRoleArn;
    private Map<String, Output<String>> developerRoleArns = Map.of();
    private List<ProjectSpec> projects = List.of();

    private ClusterAccessArgs() {
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> adminRoleArn() {
        return adminRoleArn;
    }

    public Output<String> auditorRoleArn() {
        return auditorRoleArn;
    }

    public Map<String, Output<String>> developerRoleArns() {
        return developerRoleArns;
    }

    public List<ProjectSpec> projects() {
        return projects;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClusterAccessArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final ClusterAccessArgs args = new ClusterAccessArgs();

        public Builder clusterName(Output<String> clusterName) {
            args.clusterName = clusterName;
            return this;
        }

        public Builder adminRoleArn(Output<String> adminRoleArn) {
            args.adminRoleArn = adminRoleArn;
            return this;
        }

        public Builder auditorRoleArn(Output<String> auditorRoleArn) {
            args.auditorRoleArn = auditorRoleArn;
            return this;
        }

        public Builder developerRoleArns(Map<String, Output<String>> developerRoleArns) {
            args.developerRoleArns = Map.copyOf(developerRoleArns);
            return this;
        }

        public Builder projects(List<ProjectSpec> projects) {
            args.projects = List.copyOf(projects);
            return this;
        }

        public ClusterAccessArgs build() {
            Objects.requireNonNull(args.clusterName, "ClusterAccessArgs: clusterName is required");
            Objects.requireNonNull(args.adminRoleArn, "ClusterAccessArgs: adminRoleArn is required");
            Objects.requireNonNull(args.auditorRoleArn, "ClusterAccessArgs: auditorRoleArn is required");
            return args;
        }
    }
}
