import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts the OSGi framework of an installed (bundle-based) Eclipse the way its launcher would (its
 * config.ini, simpleconfigurator and bundles.info), without a workbench or application, and checks:
 * every installed bundle resolves (an unresolved one is reported with Equinox's reason, e.g. the
 * missing requirement); the bundles named on the command line are there and resolved; and the Bregman
 * language services really run inside OSGi: org.bregman.ui's PotentialLanguage parses and validates a
 * small file with Xtext, Guice, Guava, ANTLR and the symbolic engine, and reports the expected error.
 *
 * <pre>java --add-opens java.base/jdk.internal.loader=ALL-UNNAMED -cp INSTALL/plugins/org.eclipse.osgi_*.jar InstallCheck.java INSTALL BSN...</pre>
 * (the opening lets Equinox append framework extensions such as org.eclipse.osgi.compatibility.state to
 * the class path, which the Eclipse launcher's own class loader would otherwise do).
 * Exit status 0 when everything holds, 1 otherwise, 2 for a usage error.
 */
public class InstallCheck {
	static final String SAMPLE = """
			/** lq potential; q = 2 is plain SGD. */
			potential QNorm(q = 3 where q > 1) {
			    psi(w) = |w|^q / q
			}

			potential NoDomain {
			    psi(w) = w * log(w)
			}
			""";

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: java -cp INSTALL/plugins/org.eclipse.osgi_*.jar InstallCheck.java INSTALL [BSN...]");
			System.exit(2);
		}
		Path install = Path.of(args[0]).toAbsolutePath().normalize();
		Path configIni = install.resolve("configuration/config.ini");
		Path bundlesInfo = install.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
		if (!Files.isRegularFile(configIni) || !Files.isRegularFile(bundlesInfo)) {
			System.err.println("InstallCheck: " + install + " is not an installed Eclipse (no configuration/config.ini or bundles.info)");
			System.exit(2);
		}
		// a private copy of the configuration area: the framework writes its cache there, the install stays as it is
		Path work = Files.createTempDirectory("bregman-install-check");
		Path config = work.resolve("configuration");
		Files.createDirectories(config.resolve("org.eclipse.equinox.simpleconfigurator"));
		Files.copy(configIni, config.resolve("config.ini"));
		Files.copy(bundlesInfo, config.resolve("org.eclipse.equinox.simpleconfigurator/bundles.info"));

		Map<String, String> props = new HashMap<>();
		Properties ini = new Properties();
		try (InputStream in = Files.newInputStream(configIni)) {
			ini.load(in);
		}
		ini.stringPropertyNames().forEach(k -> props.put(k, ini.getProperty(k)));
		// config.ini names the framework relative to the install (the launcher resolves it so)
		String fw = props.getOrDefault("osgi.framework", "");
		if (fw.startsWith("file:") && !fw.startsWith("file:/"))
			props.put("osgi.framework", install.resolve(fw.substring(5)).toUri().toString());
		props.put("osgi.install.area", install.toUri().toString());
		props.put("osgi.configuration.area", config.toUri().toString());
		props.put("osgi.instance.area", work.resolve("workspace").toUri().toString());
		props.put("osgi.user.area", work.resolve("user").toUri().toString());
		props.put("osgi.clean", "true");
		props.put("osgi.noShutdown", "true");
		props.put("eclipse.ignoreApp", "true");
		props.put("eclipse.consoleLog", "true");
		props.remove("osgi.console");
		props.put("osgi.framework.useSystemProperties", "false");

		List<String> problems = new ArrayList<>();
		long t0 = System.nanoTime();
		EclipseStarter.setInitialProperties(props);
		BundleContext ctx = EclipseStarter.startup(new String[0], null);
		try {
			Bundle[] bundles = ctx.getBundles();
			ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
			Map<String, Bundle> byName = new TreeMap<>();
			int resolved = 0;
			for (Bundle b : bundles) {
				byName.put(b.getSymbolicName(), b);
				if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
					resolved++;
					continue;
				}
				problems.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + " does not resolve: " + reason(b));
			}
			System.out.printf("InstallCheck: %d bundles installed from bundles.info, %d resolved%n", bundles.length, resolved);
			// every line of bundles.info became a bundle (simpleconfigurator silently skips what it cannot install)
			for (String line : Files.readAllLines(bundlesInfo)) {
				if (line.isBlank() || line.startsWith("#"))
					continue;
				String bsn = line.substring(0, line.indexOf(','));
				if (!byName.containsKey(bsn))
					problems.add("bundles.info lists " + bsn + " but the framework did not install it: " + line);
			}
			for (int i = 1; i < args.length; i++) {
				Bundle b = byName.get(args[i]);
				if (b == null)
					problems.add("bundle " + args[i] + " is not installed");
			}
			Bundle ui = byName.get("org.bregman.ui");
			if (ui != null && (ui.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0)
				checkLanguage(ui, problems);
		} finally {
			EclipseStarter.shutdown();
			deleteTree(work);
		}
		System.out.printf("InstallCheck: framework and checks took %.1f s%n", (System.nanoTime() - t0) / 1e9);
		if (!problems.isEmpty()) {
			problems.forEach(p -> System.err.println("InstallCheck: FAILED: " + p));
			System.exit(1);
		}
		System.out.println("InstallCheck: OK");
		System.exit(0);
	}

	/** Equinox says why a bundle does not resolve when one tries to start it (fragments cannot be started). */
	static String reason(Bundle b) {
		if (b.getHeaders().get("Fragment-Host") != null)
			return "fragment of " + b.getHeaders().get("Fragment-Host") + " not attached";
		try {
			b.start(Bundle.START_TRANSIENT);
			return "(it started when asked to)";
		} catch (BundleException e) {
			return e.getMessage().replace('\n', ' ');
		}
	}

	/**
	 * The IDE's own entry point to the language (org.bregman.ui.PotentialLanguage, used by the editor's
	 * validation, hover and content assist): parse and validate SAMPLE inside OSGi. QNorm is valid;
	 * NoDomain must give exactly the located error of the command line ("log needs its argument > 0").
	 */
	static void checkLanguage(Bundle ui, List<String> problems) {
		try {
			Class<?> lang = ui.loadClass("org.bregman.ui.PotentialLanguage");
			Object uri = lang.getMethod("scratchUri").invoke(null);
			Method parse = method(lang, "parse");
			Method validate = method(lang, "validate");
			Object resource = parse.invoke(null, SAMPLE, uri);
			Class<?> cancel = ui.loadClass("org.eclipse.xtext.util.CancelIndicator");
			List<?> issues = (List<?>) validate.invoke(null, resource, cancel.getField("NullImpl").get(null));
			List<String> errors = new ArrayList<>();
			for (Object issue : issues) {
				String severity = String.valueOf(issue.getClass().getMethod("getSeverity").invoke(issue));
				Object line = issue.getClass().getMethod("getLineNumber").invoke(issue);
				Object col = issue.getClass().getMethod("getColumn").invoke(issue);
				String msg = String.valueOf(issue.getClass().getMethod("getMessage").invoke(issue));
				System.out.println("InstallCheck: sample.potential:" + line + ":" + col + ": " + severity.toLowerCase() + ": " + msg);
				if (severity.equals("ERROR"))
					errors.add(line + ": " + msg);
			}
			if (errors.size() != 1 || !errors.get(0).startsWith("7: ") || !errors.get(0).contains("log needs its argument > 0"))
				problems.add("the language services in OSGi did not report exactly the expected error on line 7 "
						+ "(\"log needs its argument > 0\"), got: " + errors);
			else
				System.out.println("InstallCheck: org.bregman.ui parsed and validated the sample in OSGi (Xtext, Guice, symbolic engine)");
			if (ui.getState() != Bundle.ACTIVE)
				problems.add("org.bregman.ui is not ACTIVE after its classes were used (activator failed?)");
		} catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
			Throwable c = e;
			while (c.getCause() != null && c != c.getCause())
				c = c.getCause();
			problems.add("the language services fail inside OSGi: " + c);
			c.printStackTrace();
		}
	}

	static Method method(Class<?> c, String name) throws NoSuchMethodException {
		for (Method m : c.getMethods())
			if (m.getName().equals(name))
				return m;
		throw new NoSuchMethodException(c.getName() + "." + name);
	}

	static void deleteTree(Path p) {
		try (Stream<Path> s = Files.walk(p)) {
			s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		} catch (Exception e) {
			// a temp folder left behind is harmless
		}
	}
}
