package dev.bulkhead.check;

import dev.bulkhead.network.Ipv4Cidr;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The public (ALB) subnets of a render: the subnets tagged for internet-facing load balancers. */
final class PublicSubnets {

    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String ELB_ROLE_TAG = "kubernetes.io/role/elb";

    private PublicSubnets() {
    }

    static List<String> cidrs(RenderView view) {
        List<String> out = new ArrayList<>();
        for (RenderedResource subnet : view.ofType(SUBNET)) {
            Map<String, Object> tags = Plain.map(subnet.inputs().get("tags"));
            if ("1".equals(Plain.string(tags.get(ELB_ROLE_TAG))) && subnet.inputs().get("cidrBlock") != null) {
                out.add(String.valueOf(subnet.inputs().get("cidrBlock")));
            }
        }
        return out;
    }

    /** An address inside {@code cidr}: the tenth after its start, or its start for a block of 16 or fewer. */
    static String hostIn(String cidr) {
        // a hand-edited render may name a block with host bits set; read its address and length apart
        int slash = cidr.indexOf('/');
        long start = Ipv4Cidr.parse((slash < 0 ? cidr : cidr.substring(0, slash)) + "/32").address();
        int prefix = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long address = start + (prefix < 28 ? 10 : 0);
        String host = new Ipv4Cidr(address, 32).toString();
        return host.substring(0, host.indexOf('/'));
    }
}
