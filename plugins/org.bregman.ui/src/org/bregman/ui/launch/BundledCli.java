package org.bregman.ui.launch;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bregman.ui.BregmanUi;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.Bundle;

/**
 * The command-line tool (trainer, ND4J, code generator) that experiments and exports run in: a separate
 * JVM, so the IDE never loads ND4J. Its jars ship inside this bundle under {@code trainer/} (copied from
 * the CLI module's build: {@code org.bregman.cli-*.jar} and {@code lib/}); {@code -Dbregman.cli.home=DIR}
 * points at another copy with the same layout.
 */
public final class BundledCli {
	public static final String MAIN_CLASS = "org.bregman.cli.Main";

	private BundledCli() {
	}

	/** The folder holding the CLI jar and its lib/ folder. */
	public static Path home() throws CoreException {
		String prop = System.getProperty("bregman.cli.home");
		if (prop != null && !prop.isBlank())
			return checked(Path.of(prop));
		Bundle b = Platform.getBundle(BregmanUi.PLUGIN_ID);
		URL entry = b == null ? null : b.getEntry("trainer/");
		if (entry == null)
			throw error("the trainer is not part of this installation (no trainer/ folder in " + BregmanUi.PLUGIN_ID
					+ "); build org.bregman.cli before org.bregman.ui, or start Eclipse with -Dbregman.cli.home=DIR");
		try {
			// for a jarred bundle this extracts the folder once into the OSGi cache
			return checked(Path.of(FileLocator.toFileURL(entry).getPath()));
		} catch (IOException e) {
			throw error("cannot unpack the trainer: " + e.getMessage());
		}
	}

	private static Path checked(Path home) throws CoreException {
		if (cliJar(home) == null)
			throw error("no org.bregman.cli-*.jar in " + home);
		return home;
	}

	private static Path cliJar(Path home) {
		try (Stream<Path> s = Files.list(home)) {
			return s.filter(p -> p.getFileName().toString().matches("org\\.bregman\\.cli.*\\.jar")).findFirst().orElse(null);
		} catch (IOException e) {
			return null;
		}
	}

	/** The class path: the CLI jar and every jar of lib/. */
	public static String classPath(Path home) throws CoreException {
		List<String> cp = new ArrayList<>();
		cp.add(cliJar(home).toString());
		Path lib = home.resolve("lib");
		if (Files.isDirectory(lib)) {
			try (Stream<Path> s = Files.list(lib)) {
				s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
			} catch (IOException e) {
				throw error("cannot list " + lib + ": " + e.getMessage());
			}
		}
		return String.join(File.pathSeparator, cp);
	}

	/** java (of the JVM running Eclipse: 21+, as the trainer needs), JVM options, class path, main class, args. */
	public static List<String> command(List<String> vmArgs, List<String> args) throws CoreException {
		Path home = home();
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(quietJvmOptions(Runtime.version().feature()));
		cmd.addAll(vmArgs);
		cmd.add("-cp");
		cmd.add(classPath(home));
		cmd.add(MAIN_CLASS);
		cmd.addAll(args);
		return cmd;
	}

	/**
	 * Options that the trainer needs and that keep the JVM from warning on stderr (red in the Console):
	 * native access for ND4J's natives, the Vector API module for the vectorised kernels (its one-line
	 * incubator notice is dropped by {@link QuietJvmProcess}) and, from Java 23, the sun.misc.Unsafe
	 * memory access that Guice uses.
	 */
	public static List<String> quietJvmOptions(int javaFeatureVersion) {
		List<String> o = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"));
		if (javaFeatureVersion >= 23)
			o.add("--sun-misc-unsafe-memory-access=allow");
		return o;
	}

	static CoreException error(String message) {
		return new CoreException(new Status(IStatus.ERROR, BregmanUi.PLUGIN_ID, message));
	}
}
