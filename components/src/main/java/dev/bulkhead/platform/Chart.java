package dev.bulkhead.platform;

/**
 * One pinned Helm chart and where its release goes.
 *
 * @param chart      the chart's name in its repository
 * @param repository the chart repository's URL
 * @param version    the exact chart version (never a range: an upgrade is a reviewed change here)
 * @param release    the Helm release name
 * @param namespace  the namespace the release is installed in
 */
public record Chart(String chart, String repository, String version, String release, String namespace) {
}
