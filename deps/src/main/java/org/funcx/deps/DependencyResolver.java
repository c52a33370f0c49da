package org.funcx.deps;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Resolves {@code group:artifact:version} coordinates to jars with their transitive compile and
 * runtime dependencies, through Maven Resolver with its default wiring. Thread safe: each call has
 * its own session. Every failure is one {@link DependencyException} naming the coordinate and the
 * repositories tried; a resolution is bounded by {@link RepositorySettings#timeout()}.
 */
public final class DependencyResolver implements AutoCloseable {
  /** Most coordinates one set may declare: a bound on the work one registration can cause. */
  public static final int MAX_COORDINATES = 64;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RepositorySettings settings;
  private final RepositorySystem system;
  private final List<String> repositoryNames;
  private final ExecutorService resolving =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "funcx-deps-resolve-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  public DependencyResolver(RepositorySettings settings) {
    this.settings = settings;
    this.system = new RepositorySystemSupplier().get();
    List<String> names = new ArrayList<>();
    if (settings.remote() != null) names.add(remoteName() + " (" + settings.remote() + ")");
    names.add("local (" + settings.localRepository() + ")");
    this.repositoryNames = List.copyOf(names);
  }

  public RepositorySettings settings() {
    return settings;
  }

  /** The repositories a resolution tries, as error messages name them. */
  public List<String> repositories() {
    return repositoryNames;
  }

  /** Sorted, de-duplicated, each checked; the form a dependency set is keyed and hashed by. */
  public List<String> normalize(Collection<String> coordinates) throws DependencyException {
    TreeSet<String> sorted = new TreeSet<>();
    for (String text : coordinates) sorted.add(Coordinate.parse(text, repositoryNames).toString());
    if (sorted.size() > MAX_COORDINATES) {
      String all = String.join(",", sorted);
      throw new DependencyException(
          DependencyException.Reason.TOO_MANY,
          all.substring(0, Math.min(200, all.length())) + "...",
          repositoryNames,
          sorted.size() + " coordinates, at most " + MAX_COORDINATES,
          null);
    }
    return List.copyOf(sorted);
  }

  /**
   * The jars of {@code coordinates} and their dependencies.
   *
   * @throws DependencyException malformed, not found, unreachable, not a jar or over the time bound
   * @throws InterruptedException interrupted while waiting; the resolution is abandoned
   */
  public ResolvedDependencies resolve(Collection<String> coordinates)
      throws DependencyException, InterruptedException {
    List<String> set = normalize(coordinates);
    if (set.isEmpty()) return new ResolvedDependencies(set, List.of());
    Future<ResolvedDependencies> running = resolving.submit(() -> resolveNow(set));
    try {
      return running.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      throw new DependencyException(
          DependencyException.Reason.UNREACHABLE,
          String.join(",", set),
          repositoryNames,
          "no answer within " + settings.timeout().toSeconds() + " s",
          e);
    } catch (InterruptedException e) {
      running.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DependencyException d) throw d;
      throw new IllegalStateException("resolving " + set + " failed", e.getCause());
    }
  }

  private ResolvedDependencies resolveNow(List<String> set) throws DependencyException {
    CollectRequest collect = new CollectRequest();
    for (String coordinate : set) {
      Coordinate c = Coordinate.parse(coordinate, repositoryNames);
      collect.addDependency(
          new Dependency(new DefaultArtifact(c.resolverForm()), JavaScopes.RUNTIME));
    }
    if (settings.remote() != null) collect.addRepository(remoteRepository());
    DependencyRequest request =
        new DependencyRequest(
            collect, DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
    DependencyResult result;
    try {
      result = system.resolveDependencies(session(), request);
    } catch (DependencyResolutionException e) {
      throw failure(set, e);
    }
    List<Path> jars = new ArrayList<>();
    for (ArtifactResult artifact : result.getArtifactResults()) {
      Path jar = artifact.getArtifact().getFile().toPath();
      requireJar(userForm(artifact.getArtifact()), jar);
      jars.add(jar);
    }
    return new ResolvedDependencies(set, jars);
  }

  private DefaultRepositorySystemSession session() {
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    // "simple": an offline directory laid out by hand or by rsync has no origin tracking files
    LocalRepository local =
        new LocalRepository(
            settings.localRepository().toFile(), settings.offline() ? "simple" : "");
    session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, local));
    session.setOffline(settings.offline());
    if (!settings.offline()) {
      // several managers (blocks) of one user may download into the same local repository at
      // once: lock across processes with files in it. Offline reads only, maybe from a
      // read-only shared directory, so it takes no file locks.
      session.setConfigProperty("aether.syncContext.named.factory", "file-lock");
      session.setConfigProperty("aether.syncContext.named.nameMapper", "file-gav");
    }
    // poms activate profiles by java.version and os.*, as under Maven itself
    session.setSystemProperties(System.getProperties());
    int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, Math.min(millis, 10_000));
    session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, millis);
    session.setConfigProperty("aether.connector.http.retryHandler.count", 1);
    session.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER);
    // strict: a pom that is missing or cannot be read fails the set instead of silently dropping
    // its dependencies (the function would then fail later with NoClassDefFoundError)
    session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
    return session;
  }

  private RemoteRepository remoteRepository() {
    return new RemoteRepository.Builder(remoteName(), "default", settings.remote().toString())
        .build();
  }

  private String remoteName() {
    return settings.mirror() == null ? "central" : "mirror";
  }

  /** Names the first artifact that failed and tells unreachable from absent by the cause. */
  private DependencyException failure(List<String> set, DependencyResolutionException e) {
    String coordinate = String.join(",", set);
    for (Throwable t = e; t != null; t = t.getCause()) {
      // a pom that could not be read: the artifact whose pom it is (or whose parent or BOM it is)
      if (t instanceof ArtifactDescriptorException d && d.getResult() != null) {
        coordinate = userForm(d.getResult().getRequest().getArtifact());
        break;
      }
    }
    if (coordinate.contains(",") && e.getResult() != null) {
      for (ArtifactResult r : e.getResult().getArtifactResults()) {
        if (!r.isResolved()) {
          coordinate = userForm(r.getRequest().getArtifact());
          break;
        }
      }
    }
    DependencyException.Reason reason =
        unreachable(e)
            ? DependencyException.Reason.UNREACHABLE
            : DependencyException.Reason.NOT_FOUND;
    return new DependencyException(reason, coordinate, repositoryNames, rootMessage(e), e);
  }

  /** As users write it: {@code g:a:v} for a plain jar. */
  private static String userForm(Artifact a) {
    return new Coordinate(
            a.getGroupId(), a.getArtifactId(), a.getExtension(), a.getClassifier(), a.getVersion())
        .toString();
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) if (unreachable(s)) return true;
    }
    return false;
  }

  /** The resolver's own words for what was missing, e.g. "... junit-bom:pom:5.7.1 (absent) ...". */
  private static String rootMessage(Throwable e) {
    String detail = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ArtifactResolutionException || t instanceof ArtifactTransferException) {
        detail = t.getMessage();
        break;
      }
      detail = t.getMessage();
    }
    return detail == null ? e.toString() : detail;
  }

  /** A jar is a zip: a file that is not (an HTML error page saved as .jar, a truncated copy) fails. */
  private void requireJar(String coordinate, Path file) throws DependencyException {
    boolean jar;
    try {
      jar = JarFiles.isJar(file);
    } catch (IOException e) {
      throw new DependencyException(
          DependencyException.Reason.NOT_A_JAR,
          coordinate,
          repositoryNames,
          "cannot read " + file + ": " + e.getMessage(),
          e);
    }
    if (!jar) {
      throw new DependencyException(
          DependencyException.Reason.NOT_A_JAR,
          coordinate,
          repositoryNames,
          file + " is not a zip file",
          null);
    }
  }

  @Override
  public void close() {
    resolving.shutdownNow();
    system.shutdown();
  }
}
