package dev.bulkhead.cost;

import java.util.Map;
import java.util.Optional;

/**
 * One region's list prices in the bundled price file: hourly rates for what runs by the hour (control plane, NAT
 * gateways, endpoints, load balancers, requested pod capacity, instances) and monthly rates for what AWS bills by the
 * month (WAF web ACLs and rules, KMS keys).
 */
public record RegionPrices(double eksClusterHour, double eksExtendedSupportClusterHour, double natGatewayHour,
                           double publicIpv4Hour, double interfaceEndpointAzHour, double albHour, double albLcuHour,
                           double wafWebAclMonth, double wafRuleMonth, double kmsKeyMonth, double vcpuHour,
                           double memoryGbHour, Map<String, Double> instanceHour) {

    public RegionPrices {
        instanceHour = instanceHour == null ? Map.of() : Map.copyOf(instanceHour);
    }

    /** The on-demand hourly price of an EC2 instance type, if the price file lists it. */
    public Optional<Double> instance(String type) {
        return Optional.ofNullable(instanceHour.get(type));
    }
}
