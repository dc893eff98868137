package course.kernel;

/** The kernel's version as the build wrote it into the jar's manifest. */
final class KernelVersion {
    static final String VERSION = versionOf();

    private KernelVersion() {
    }

    private static String versionOf() {
        String version = KernelVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
