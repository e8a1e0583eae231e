package org.bregman.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.bregman.runtime.MirrorMap;

/**
 * Writes a self-contained optimizer jar: the compiled classes of each potential (Janino's bytecode,
 * class-file version 52, so any Java 8+ JVM loads them), the runtime API classes
 * ({@code org.bregman.runtime.*}, copied from wherever they are on this class path), and
 * {@code META-INF/services/org.bregman.runtime.MirrorMapFactory} listing each potential's factory, so
 * that {@code MirrorMaps.create("QNorm", Map.of("q", 3.0))} works with only this jar on the class path.
 * The scalar kernel is exported (the Vector API one needs an incubator module at run time).
 */
public final class JarExporter {

    static final String RUNTIME_PREFIX = "org/bregman/runtime/";
    static final String SERVICE = "META-INF/services/org.bregman.runtime.MirrorMapFactory";

    private JarExporter() {
    }

    /** Exports these potentials; their names must differ. Returns the entry names written. */
    public static List<String> export(List<KernelSpec> specs, Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        StringBuilder services = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (KernelSpec spec : specs) {
            String cls = Optimizers.className(spec);
            if (seen.contains(cls)) throw new IllegalArgumentException("two potentials named " + spec.name() + " in one export");
            seen.add(cls);
            JaninoCompiler.Unit unit;
            try {
                unit = JaninoCompiler.shared().compile(Optimizers.generateSource(spec));
            } catch (JaninoCompiler.CompilationFailed e) {
                throw new IOException("cannot export " + spec.name() + ": " + e.getMessage(), e);
            }
            for (Map.Entry<String, byte[]> e : unit.bytecodes().entrySet()) {
                entries.put(e.getKey().replace('.', '/') + ".class", e.getValue());
            }
            services.append(cls).append("$Factory\n");
        }
        entries.putAll(runtimeClasses());
        entries.put(SERVICE, services.toString().getBytes(StandardCharsets.UTF_8));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Created-By", "Bregman");
        // through a temporary file and an atomic move: a failed export leaves no broken jar, an old jar stays whole
        AtomicFiles.write(jar, out -> {
            JarOutputStream jo = new JarOutputStream(out, mf);
            List<String> dirs = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    String dir = name.substring(0, i + 1);
                    if (!dirs.contains(dir)) {
                        dirs.add(dir);
                        jo.putNextEntry(new JarEntry(dir));
                        jo.closeEntry();
                    }
                }
                jo.putNextEntry(new JarEntry(name));
                jo.write(e.getValue());
                jo.closeEntry();
            }
            jo.finish();
        });
        return new ArrayList<>(entries.keySet());
    }

    /** The class files of the runtime API, from its jar or classes folder. */
    static Map<String, byte[]> runtimeClasses() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        URL loc = MirrorMap.class.getProtectionDomain().getCodeSource() == null ? null
                : MirrorMap.class.getProtectionDomain().getCodeSource().getLocation();
        Path p = null;
        try {
            if (loc != null && "file".equals(loc.getProtocol())) p = Path.of(loc.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            p = null;
        }
        if (p != null && Files.isDirectory(p)) {
            Path dir = p.resolve(RUNTIME_PREFIX);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                    out.put(p.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        } else if (p != null && Files.isRegularFile(p)) {
            try (JarFile jf = new JarFile(p.toFile())) {
                for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                    JarEntry e = en.nextElement();
                    if (e.getName().startsWith(RUNTIME_PREFIX) && e.getName().endsWith(".class")) {
                        try (InputStream in = jf.getInputStream(e)) {
                            out.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            // e.g. inside OSGi: the API's classes by name through its class loader
            // (what generated classes use: the API, the special functions and the numeric inverse)
            for (String cls : new String[] {"MirrorMap", "TimeVaryingMirrorMap", "MirrorMapFactory", "MirrorMaps", "Interval", "NewtonBisection",
                    "NewtonBisection$Derivatives", "SpecialFunctions", "SpecialFunctions$ErfDerivatives"}) {
                String name = RUNTIME_PREFIX + cls + ".class";
                try (InputStream in = MirrorMap.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) throw new IOException("cannot read the runtime class " + name);
                    out.put(name, in.readAllBytes());
                }
            }
        }
        return out;
    }
}
