package dev.bulkhead.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Reports the build's version: {@code bulkhead/version.properties}, which the Maven build writes from the
 * project's version (resource filtering).
 */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "/bulkhead/version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the build");
            }
            properties.load(in);
        }
        return new String[]{"bulkhead " + properties.getProperty("version")};
    }
}
