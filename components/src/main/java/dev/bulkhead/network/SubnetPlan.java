package dev.bulkhead.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each subnet of the VPC goes, decided before anything is created. The VPC (a /16 to a /20) is cut into
 * eight equal slots:
 * <pre>
 *   slots 0-5  the private subnet of AZ 1-6: an eighth of the VPC each, because with the VPC CNI every pod
 *              takes a VPC address (a /16 gives 8,187 usable addresses per AZ, a /20 gives 507)
 *   slot 6     the public subnets, a sixty-fourth of the VPC per AZ (a /22 in a /16, a /26 in a /20);
 *              they hold only the projects' ALBs, which need at least a /27 with 8 free addresses
 *   slot 7     never allocated: room for subnets the platform does not have yet
 * </pre>
 * An AZ's subnets sit at the same place whatever the AZ count, so adding an AZ later never moves (and so never
 * replaces) an existing subnet; slots of AZs not in use stay free.
 */
public final class SubnetPlan {

    public static final int MIN_VPC_PREFIX = 16;
    public static final int MAX_VPC_PREFIX = 20;
    public static final int MAX_AZS = 6;
    /** The VPC is cut in 2^3 = 8 slots. */
    static final int SLOT_BITS = 3;
    /** The public slot is cut in 2^3 = 8 public subnets, of which at most six are used. */
    static final int PUBLIC_BITS = 3;
    static final int PUBLIC_SLOT = 6;
    static final int SPARE_SLOT = 7;

    private final Ipv4Cidr vpc;
    private final List<Ipv4Cidr> privateSubnets;
    private final List<Ipv4Cidr> publicSubnets;

    private SubnetPlan(Ipv4Cidr vpc, List<Ipv4Cidr> privateSubnets, List<Ipv4Cidr> publicSubnets) {
        this.vpc = vpc;
        this.privateSubnets = List.copyOf(privateSubnets);
        this.publicSubnets = List.copyOf(publicSubnets);
    }

    /** Plans {@code azCount} private and public subnets in {@code vpcCidr}. */
    public static SubnetPlan of(String vpcCidr, int azCount) {
        Ipv4Cidr vpc = Ipv4Cidr.parse(vpcCidr);
        if (vpc.prefix() < MIN_VPC_PREFIX || vpc.prefix() > MAX_VPC_PREFIX) {
            throw new IllegalArgumentException("the VPC CIDR must be a /" + MIN_VPC_PREFIX + " to a /"
                    + MAX_VPC_PREFIX + ", got " + vpcCidr);
        }
        if (azCount < 1 || azCount > MAX_AZS) {
            throw new IllegalArgumentException("the VPC spans 1 to " + MAX_AZS + " availability zones, got " + azCount);
        }
        int slotPrefix = vpc.prefix() + SLOT_BITS;
        Ipv4Cidr publicSlot = vpc.subnet(slotPrefix, PUBLIC_SLOT);
        List<Ipv4Cidr> privates = new ArrayList<>();
        List<Ipv4Cidr> publics = new ArrayList<>();
        for (int az = 0; az < azCount; az++) {
            privates.add(vpc.subnet(slotPrefix, az));
            publics.add(publicSlot.subnet(slotPrefix + PUBLIC_BITS, az));
        }
        return new SubnetPlan(vpc, privates, publics);
    }

    public Ipv4Cidr vpc() {
        return vpc;
    }

    public int availabilityZones() {
        return privateSubnets.size();
    }

    /** Private subnets (nodes and pods), one per AZ in AZ order. */
    public List<Ipv4Cidr> privateSubnets() {
        return privateSubnets;
    }

    /** Public subnets (ALBs only), one per AZ in AZ order. */
    public List<Ipv4Cidr> publicSubnets() {
        return publicSubnets;
    }

    public List<String> privateCidrs() {
        return privateSubnets.stream().map(Ipv4Cidr::toString).toList();
    }

    public List<String> publicCidrs() {
        return publicSubnets.stream().map(Ipv4Cidr::toString).toList();
    }

    /** The slot no subnet is ever planned in. */
    public Ipv4Cidr spare() {
        return vpc.subnet(vpc.prefix() + SLOT_BITS, SPARE_SLOT);
    }
}
