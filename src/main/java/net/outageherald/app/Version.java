package net.outageherald.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development". */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"outage-herald " + (v == null ? "development" : v)};
    }
}
