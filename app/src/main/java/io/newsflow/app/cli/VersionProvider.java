package io.newsflow.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Newsflow.class.getPackage().getImplementationVersion();
        return new String[] {"newsflow " + (version == null ? "dev" : version)};
    }
}
