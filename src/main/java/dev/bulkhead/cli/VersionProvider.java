package dev.bulkhead.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the build's version from the jar manifest (or "development" when run from classes). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"bulkhead " + (version == null ? "development" : version)};
    }
}
