package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The parent pom picks ND4J's natives ({@code javacpp.platform}) by the OS and architecture Maven runs
 * on. Maven 3.8 reads those from the JVM's own {@code os.name}/{@code os.arch} (a {@code -Dos.name} on
 * the mvn command line changes nothing), so each machine is imitated by a JVM started with that OS's
 * {@code os.name}/{@code os.arch}, in which Maven's own profile activator reads the parent pom.
 */
class JavacppPlatformTest {
    /** What each machine's JVM reports, and the natives it must get; null: ND4J has none for it. */
    private static final String[][] MACHINES = {
            {"Linux", "amd64", "linux-x86_64"},
            {"Linux", "aarch64", "linux-arm64"},
            {"Mac OS X", "x86_64", "macosx-x86_64"},
            {"Mac OS X", "aarch64", "macosx-arm64"},
            {"Windows 10", "amd64", "windows-x86_64"},
            {"Windows 11", "amd64", "windows-x86_64"},
            {"Windows Server 2022", "amd64", "windows-x86_64"},
            {"Windows 11", "aarch64", null},
            {"Linux", "ppc64le", null},
            {"Linux", "arm", null},
            {"FreeBSD", "amd64", null},
            {"SunOS", "sparcv9", null},
    };
    private static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64",
            "windows-x86_64");

    private static Path parentPom() {
        return Path.of(System.getProperty("basedir", "."), "..", "pom.xml").normalize();
    }

    private static Path mavenHome() {
        String home = System.getProperty("maven.home", "");
        Assumptions.assumeTrue(!home.isBlank() && Files.isDirectory(Path.of(home, "lib")),
                "not run by Maven (maven.home unset): Maven's profile activation is not imitated");
        return Path.of(home);
    }

    @Test
    void eachMachineGetsItsOwnNativesAndOnlyThose() throws Exception {
        Path home = mavenHome();
        String classPath;
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            classPath = Stream.concat(Stream.of(Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI())),
                    jars.filter(p -> p.toString().endsWith(".jar"))).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        List<String> got = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String[] machine : MACHINES) {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dos.name=" + machine[0], "-Dos.arch=" + machine[1], "-cp", classPath, Probe.class.getName(),
                    parentPom().toString()).redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
            assertEquals(0, probe.exitValue(), "probe for " + machine[0] + "/" + machine[1] + " failed: " + out);
            got.add(machine[0] + "/" + machine[1] + " -> " + (out.isEmpty() ? "none" : out));
            expected.add(machine[0] + "/" + machine[1] + " -> " + (machine[2] == null ? "none" : machine[2]));
        }
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }

    @Test
    void aMachineWithoutNativesStopsTheBuildWithWhatToDo() throws Exception {
        String pom = Files.readString(parentPom());
        Matcher fallback = Pattern.compile("<properties>.*?<javacpp.platform>([^<]*)</javacpp.platform>", Pattern.DOTALL).matcher(pom);
        assertTrue(fallback.find(), "the parent pom sets a fallback javacpp.platform");
        assertTrue(fallback.group(1).startsWith("unsupported"),
                "no profile matched: the fallback must not be a real platform, which would load the wrong natives");
        Matcher allowed = Pattern.compile("<property>javacpp.platform</property>\\s*<regex>([^<]*)</regex>").matcher(pom);
        assertTrue(allowed.find(), "the enforcer checks javacpp.platform");
        for (String platform : SUPPORTED) {
            assertTrue(platform.matches(allowed.group(1)), platform + " must pass the enforcer's check");
        }
        assertTrue(!fallback.group(1).matches(allowed.group(1)), "the fallback must fail the enforcer's check");

        Path home = mavenHome();
        Path mvn = home.resolve("bin").resolve("mvn");
        Assumptions.assumeTrue(Files.isExecutable(mvn) && File.pathSeparatorChar == ':', "no POSIX mvn launcher in " + home);
        // only the architecture is changed: Maven itself starts on any os.arch, not on a foreign os.name
        ProcessBuilder build = new ProcessBuilder(mvn.toString(), "-B", "-o", "-q", "-N", "-f", parentPom().toString(),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"),
                "validate").redirectErrorStream(true);
        build.environment().put("MAVEN_OPTS", "-Dos.arch=ppc64le");
        Process process = build.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mvn validate did not finish");
        assertNotEquals(0, process.exitValue(), "a ppc64le machine must not build: " + out);
        for (String fragment : List.of("ND4J", "ppc64le", "linux-x86_64, linux-arm64, macosx-x86_64, macosx-arm64",
                "-Djavacpp.platform=")) {
            assertTrue(out.contains(fragment), "the message should say '" + fragment + "':\n" + out);
        }
    }

    /** Runs in a JVM of the imitated machine: prints the javacpp.platform of each profile Maven activates there. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Class<?> readerClass = Class.forName("org.apache.maven.model.io.xpp3.MavenXpp3Reader");
            Object model;
            try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
                model = readerClass.getMethod("read", Reader.class).invoke(readerClass.getConstructor().newInstance(), in);
            }
            Class<?> profileClass = Class.forName("org.apache.maven.model.Profile");
            Class<?> contextClass = Class.forName("org.apache.maven.model.profile.ProfileActivationContext");
            Class<?> problemsClass = Class.forName("org.apache.maven.model.building.ModelProblemCollector");
            Object activator = Class.forName("org.apache.maven.model.profile.activation.OperatingSystemProfileActivator")
                    .getConstructor().newInstance();
            Object context = Class.forName("org.apache.maven.model.profile.DefaultProfileActivationContext").getConstructor().newInstance();
            Properties system = new Properties();
            system.putAll(System.getProperties());
            context.getClass().getMethod("setSystemProperties", Properties.class).invoke(context, system);
            Object problems = Proxy.newProxyInstance(problemsClass.getClassLoader(), new Class<?>[] {problemsClass}, (p, m, a) -> {
                throw new IllegalStateException("Maven reports a problem with a profile: " + java.util.Arrays.toString(a));
            });
            Method isActive = activator.getClass().getMethod("isActive", profileClass, contextClass, problemsClass);
            List<String> platforms = new ArrayList<>();
            for (Object profile : (List<?>) model.getClass().getMethod("getProfiles").invoke(model)) {
                Object activation = profileClass.getMethod("getActivation").invoke(profile);
                boolean byOs = activation != null && activation.getClass().getMethod("getOs").invoke(activation) != null;
                if (byOs && (Boolean) isActive.invoke(activator, profile, context, problems)) {
                    Properties properties = (Properties) profileClass.getMethod("getProperties").invoke(profile);
                    platforms.add(properties.getProperty("javacpp.platform", "(profile " + profileClass.getMethod("getId").invoke(profile)
                            + " without javacpp.platform)"));
                }
            }
            System.out.print(String.join(" + ", platforms));
        }
    }
}
