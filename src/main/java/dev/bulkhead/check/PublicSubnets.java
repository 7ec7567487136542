package dev.bulkhead.check;

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

    /** An address inside {@code cidr}: the tenth, or the network address of a small block. */
    static String hostIn(String cidr) {
        String[] parts = cidr.split("/");
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        String[] octets = parts[0].split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        if (prefix <= 28) {
            address += 10;
        }
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
