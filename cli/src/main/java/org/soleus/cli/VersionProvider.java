package org.soleus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The software version, from {@code version.properties} (filled in by the build), for
 * {@code --version} and the provenance in result files.
 */
final class VersionProvider implements IVersionProvider {

    private static final String VERSION = load();

    /** The version of this build, e.g. {@code 0.1.0}. */
    static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
                "soleus " + VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        };
    }

    private static String load() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the classpath: rebuild with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
