package dev.bulkhead.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * Picks the AZs the VPC spans by asking the account, not by deriving names like {@code <region>a}: the letters
 * map to different physical zones in each account, and not every letter exists in every account.
 * <p>
 * The choice must be stable, because a subnet whose AZ changes is replaced. So the list is the account's zones
 * sorted by name, first N, filtered only by facts that do not change: Local and Wavelength Zones are left out
 * (they are opt-in), and so are the zones where EKS cannot place a control plane. Zones are deliberately not
 * filtered on {@code state=available}: an AZ that is briefly impaired would drop out of the list and shift every
 * later subnet into another zone.
 */
final class AvailabilityZones {

    /** Zone ids in which EKS does not create clusters (CreateCluster fails with UnsupportedAvailabilityZone). */
    static final List<String> EKS_UNSUPPORTED_ZONE_IDS = List.of("use1-az3", "usw1-az2", "cac1-az3");

    private AvailabilityZones() {
    }

    static Output<List<String>> first(int count, Resource parent) {
        var args = GetAvailabilityZonesArgs.builder()
                .filters(List.of(GetAvailabilityZonesFilterArgs.builder()
                        .name("opt-in-status").values("opt-in-not-required").build()))
                .excludeZoneIds(EKS_UNSUPPORTED_ZONE_IDS)
                .build();
        return AwsFunctions.getAvailabilityZones(args, AwsLookups.options(parent))
                .applyValue(result -> pick(result.names(), count));
    }

    static List<String> pick(List<String> names, int count) {
        List<String> sorted = names.stream().sorted().toList();
        if (sorted.size() < count) {
            throw new IllegalArgumentException("the network asks for " + count + " availability zones but the region"
                    + " offers " + sorted.size() + " usable ones: " + sorted);
        }
        return sorted.subList(0, count);
    }
}
