package course.kernel;

import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code %maven group:artifact:version[,...]}: resolves the artifacts and their runtime dependencies
 * with Maven's own resolver from Maven Central into the user's local Maven repository (where later
 * runs, offline too, find them), and adds their jars to the cells' class path. A jar whose classes the
 * kernel already has from its own class path is named: the kernel's copies win (its class loader is
 * the parent of the cells').
 */
final class MavenMagic implements AutoCloseable {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final String repositoryUrl;
    private final String repositoryName;
    private final Path localRepository;
    private final Set<Path> added = new LinkedHashSet<>();
    private RepositorySystem system;

    MavenMagic(String repositoryUrl, String repositoryName, Path localRepository) {
        this.repositoryUrl = repositoryUrl;
        this.repositoryName = repositoryName;
        this.localRepository = localRepository;
    }

    /** Maven Central, cached where Maven caches: -Dmaven.repo.local, else ~/.m2/repository. */
    static MavenMagic central() {
        String local = System.getProperty("maven.repo.local");
        Path repository = local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenMagic(CENTRAL, "Maven Central", repository.toAbsolutePath());
    }

    /** Resolves {@code coordinates} and adds every jar not yet on the class path; notes go to {@code err}. */
    void resolveAndAdd(List<String> coordinates, Consumer<String> addToClasspath, PrintStream out, PrintStream err) throws CellError {
        List<Path> jars = resolve(coordinates);
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            if (!added.add(jar)) {
                continue;  // an earlier %maven added it
            }
            String clash = kernelJarWithClassesOf(jar);
            if (clash != null && clash.equals(jar.getFileName().toString())) {
                continue;  // the very same jar is on the kernel's class path
            }
            if (clash != null) {
                err.println("note: %maven: " + jar.getFileName() + " holds classes the kernel already loads from " + clash
                        + " (its own class path): the kernel's copies win, so code built for " + jar.getFileName()
                        + " may fail with NoSuchMethodError or NoClassDefFoundError");
            }
            addToClasspath.accept(jar.toString());
            names.add(jar.getFileName().toString());
        }
        out.println("%maven: " + String.join(", ", coordinates) + " resolved from " + repositoryName + " into "
                + localRepository + "; " + (names.isEmpty() ? "nothing new to add to the class path"
                : "added to the class path: " + String.join(", ", names)));
    }

    /** The jars of the artifacts and of their runtime dependencies, downloaded if not cached. */
    List<Path> resolve(List<String> coordinates) throws CellError {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            try {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinate), "runtime"));
            } catch (IllegalArgumentException e) {
                throw error("'" + coordinate + "' is not group:artifact:version (" + e.getMessage() + ")");
            }
        }
        collect.setRepositories(List.of(new RemoteRepository.Builder("central", "default", repositoryUrl).build()));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
        RepositorySystem repositories = system();
        try (CloseableSession session = new SessionBuilderSupplier(repositories).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 120_000)
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1)
                .build()) {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : repositories.resolveDependencies(session, request).getArtifactResults()) {
                Artifact artifact = result.getArtifact();
                if (artifact != null && artifact.getPath() != null && artifact.getPath().toString().endsWith(".jar")) {
                    jars.add(artifact.getPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw error(explain(e, String.join(", ", coordinates)));
        } catch (RuntimeException e) {
            throw error("could not resolve " + String.join(", ", coordinates) + ": " + e);
        }
    }

    /** One line: unreachable repository, unknown artifact, or the resolver's own first line. */
    String explain(Throwable failure, String what) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || (t instanceof InterruptedIOException && !(t instanceof java.io.FileNotFoundException))) {
                return "cannot reach " + repositoryName + " (" + repositoryUrl + ") to resolve " + what + " ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + "): check the network;"
                        + " artifacts already in " + localRepository + " resolve offline";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException notFound) {
                return notFound.getArtifact() + " is not on " + repositoryName + " (" + repositoryUrl
                        + "): check its group, artifact and version (search.maven.org lists them)";
            }
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage().lines().findFirst().orElse("");
        return "could not resolve " + what + ": " + message;
    }

    /**
     * The file name of the kernel class-path jar that already holds a class of {@code jar}, or null.
     * The first class found decides: jars overlap as whole libraries, in practice.
     */
    static String kernelJarWithClassesOf(Path jar) {
        ClassLoader kernel = ClassLoader.getSystemClassLoader();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                URL found = kernel.getResource(name);
                if (found != null) {
                    return sourceName(found);
                }
            }
        } catch (IOException e) {
            return null;  // not a readable jar: JShell reports it when a cell uses it
        }
        return null;
    }

    private static String sourceName(URL resource) {
        String text = resource.toString();
        int bang = text.indexOf("!/");
        String source = bang >= 0 ? text.substring(0, bang) : text;
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }

    private static CellError error(String message) {
        String line = "%maven: " + message;
        return new CellError("MagicError", line, List.of("MagicError: " + line));
    }
}
