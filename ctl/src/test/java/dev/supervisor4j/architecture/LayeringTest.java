package dev.supervisor4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The module arrows and package rules of design §2 and style §1, checked on the compiled main classes
 * of all four modules (issue 14).
 *
 * <p>It lives in {@code ctl}, the last module of the reactor, and reads each module's
 * {@code target/classes} directory instead of its jar: {@code ctl} depends on {@code protocol} only,
 * and giving it a dependency on {@code daemon} for this test would put Pekko on its test class path.
 * The cost: a build of {@code ctl} alone ({@code -pl ctl -am} does not build {@code http} and
 * {@code daemon}) may find those directories missing or stale, and then every test is skipped with a
 * message saying so; {@code mvn verify} from the top builds them all first.
 */
class LayeringTest {
  private static final String OURS = "dev.supervisor4j";
  private static final String PROTOCOL = OURS + ".protocol..";
  private static final String HTTP = OURS + ".http..";
  private static final String DAEMON = OURS + ".daemon..";
  private static final String CTL = OURS + ".ctl..";

  private static JavaClasses classes;
  /** Why the classes could not be read, or null. */
  private static String unbuilt;

  @BeforeAll
  static void importEveryModule() {
    Path ctl = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    List<Path> dirs = new ArrayList<>();
    for (String module : List.of("../protocol", "../http", "../daemon", ".")) {
      Path moduleDir = ctl.resolve(module).normalize();
      Path out = moduleDir.resolve("target/classes");
      if (!Files.isDirectory(out)) {
        unbuilt = out + " is missing";
      } else if (isStale(moduleDir.resolve("src/main/java"), out)) {
        unbuilt = out + " is older than its sources";
      }
      if (unbuilt != null) {
        unbuilt += ": LayeringTest reads every module's classes; build them all first"
            + " (mvn verify from the top, or -pl protocol,http,daemon,ctl -am)";
        return;
      }
      dirs.add(out);
    }
    classes = new ClassFileImporter().importPaths(dirs);
    for (String p : List.of(PROTOCOL, HTTP, DAEMON, CTL)) {
      assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(p.replace("..", ""))),
          () -> "no class imported from " + p + " (from " + dirs + ")");
    }
  }

  /** Each test, not the class, is skipped: surefire shows a skipped test and its reason, not a class. */
  @BeforeEach
  void everyModuleIsBuilt() {
    assumeTrue(unbuilt == null, () -> unbuilt);
  }

  /** 1. ctl → protocol ← http ← daemon: each module depends only on the modules its arrows allow. */
  @Test
  void modulesDependOnlyAlongTheArrows() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage(OURS + "..")
        .layer("protocol").definedBy(PROTOCOL)
        .layer("http").definedBy(HTTP)
        .layer("daemon").definedBy(DAEMON)
        .layer("ctl").definedBy(CTL)
        .whereLayer("protocol").mayNotAccessAnyLayer()
        .whereLayer("http").mayOnlyAccessLayers("protocol")
        .whereLayer("ctl").mayOnlyAccessLayers("protocol")
        .whereLayer("daemon").mayNotBeAccessedByAnyLayer()
        .check(classes);
  }

  /**
   * 1b. Within daemon, only the composition root ({@code daemon.runtime}, which binds the servers) sees
   * http; the rest of daemon implements protocol's {@code SupervisorApi} and knows nothing of HTTP.
   * {@code Caller} is a protocol type (design §2).
   */
  @Test
  void onlyTheDaemonsCompositionRootSeesHttp() {
    noClasses().that().resideInAPackage(DAEMON).and().resideOutsideOfPackage(OURS + ".daemon.runtime..")
        .should().dependOnClassesThat().resideInAPackage(HTTP)
        .check(classes);
  }

  /** 2. No package cycles inside a module; a module's root package counts as one of its packages. */
  @Test
  void protocolHasNoPackageCycles() {
    slices().assignedFrom(packagesOf("protocol")).should().beFreeOfCycles().check(classes);
  }

  @Test
  void httpHasNoPackageCycles() {
    slices().assignedFrom(packagesOf("http")).should().beFreeOfCycles().check(classes);
  }

  @Test
  void daemonHasNoPackageCycles() {
    slices().assignedFrom(packagesOf("daemon")).should().beFreeOfCycles().check(classes);
  }

  @Test
  void ctlHasNoPackageCycles() {
    slices().assignedFrom(packagesOf("ctl")).should().beFreeOfCycles().check(classes);
  }

  /**
   * 3. Only a GroupActor spawns process actors. A process actor is the behaviour that
   * {@code ProcessFactory.create} returns, and nobody makes that behaviour but to spawn it: so no class
   * outside {@code daemon.group} (and {@code daemon.process}, which defines it) calls it.
   */
  @Test
  void onlyGroupsSpawnProcessActors() {
    requireDaemonClass("ProcessFactory");
    noClasses().that().resideOutsideOfPackages(OURS + ".daemon.group..", OURS + ".daemon.process..")
        .should().accessTargetWhere(calls("ProcessFactory", "create"))
        .because("a process actor belongs to its group: its GroupActor spawns and supervises it")
        .check(classes);
  }

  /**
   * 3b. {@code ProcessActor.create} is called only where the real {@code ProcessFactory} is wired, in the
   * composition root ({@code daemon.runtime}), besides {@code group} and {@code process}: anywhere else it
   * would be a way around the factory, and so around the group.
   */
  @Test
  void processActorsAreMadeOnlyThroughTheFactory() {
    requireDaemonClass("ProcessActor");
    noClasses().that().resideOutsideOfPackages(OURS + ".daemon.group..", OURS + ".daemon.process..",
            OURS + ".daemon.runtime..")
        .should().accessTargetWhere(calls("ProcessActor", "create"))
        .because("process actors are made by the ProcessFactory and spawned by their GroupActor")
        .check(classes);
  }

  /** 4. http serves any SupervisorApi: of our modules it sees protocol only, never a daemon type. */
  @Test
  void httpUsesNoDaemonType() {
    noClasses().that().resideInAPackage(HTTP)
        .should().dependOnClassesThat().resideInAPackage(DAEMON)
        .check(classes);
  }

  /** 5. protocol is plain Java and ctl must start fast: neither loads Pekko or Scala. */
  @Test
  void protocolAndCtlUseNoPekkoNorScala() {
    noClasses().that().resideInAnyPackage(PROTOCOL, CTL)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "scala..")
        .check(classes);
  }

  /** Each package of {@code dev.supervisor4j.<module>}, its root package included, is its own slice. */
  private static SliceAssignment packagesOf(String module) {
    String root = OURS + "." + module;
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String p = c.getPackageName();
        return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "the packages of " + root;
      }
    };
  }

  /** A call of, or a method reference to, {@code simpleName.method} on a daemon type of that name. */
  private static DescribedPredicate<JavaAccess<?>> calls(String simpleName, String method) {
    return DescribedPredicate.describe(simpleName + "." + method + "(..)", access -> {
      AccessTarget target = access.getTarget();
      JavaClass owner = target.getOwner();
      return target.getName().equals(method) && owner.getSimpleName().equals(simpleName)
          && owner.getPackageName().startsWith(OURS + ".daemon");
    });
  }

  /** Rule 3 names daemon types by name: if one is renamed, fail and say so instead of passing on nothing. */
  private static void requireDaemonClass(String simpleName) {
    assertTrue(classes.stream().anyMatch(c -> c.getSimpleName().equals(simpleName)
            && c.getPackageName().startsWith(OURS + ".daemon")),
        () -> "no daemon class named " + simpleName + ": update LayeringTest's process-actor rule");
  }

  /** Whether a source file under {@code src} is newer than every class file under {@code out}. */
  private static boolean isStale(Path src, Path out) {
    return Files.isDirectory(src) && newest(src, ".java").compareTo(newest(out, ".class")) > 0;
  }

  private static FileTime newest(Path dir, String suffix) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).map(LayeringTest::modified)
          .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
