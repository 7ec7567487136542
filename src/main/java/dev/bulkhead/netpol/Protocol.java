package dev.bulkhead.netpol;

/** The transport protocols a NetworkPolicy port can name, spelled as Kubernetes spells them. */
public enum Protocol {
    TCP, UDP, SCTP
}
