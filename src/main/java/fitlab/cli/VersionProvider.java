package fitlab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Maven fills it), or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = FitlabCommand.class.getPackage().getImplementationVersion();
        return new String[] {"fitlab " + (v != null ? v : "dev") + " (Java " + System.getProperty("java.version") + ")"};
    }
}
