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
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.RealInterval;

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

    /**
     * A non-separable potential to export: g's and F's kernels (exported as {@code NAME_g} and {@code NAME_F}) and a
     * registered {@link org.bregman.runtime.CompositeFactory} under the potential's own name.
     */
    public record Composite(String name, KernelSpec inner, KernelSpec outer, boolean homogeneous, boolean power, RealInterval sums,
            RealInterval dual) {
        public static Composite of(CompositeDerivation bound, String doc) {
            RealInterval dual = bound.dualDomain();
            return new Composite(bound.spec().name(), renamed(FromSymbolic.spec(bound.inner(), doc), "_g"),
                    renamed(FromSymbolic.spec(bound.outer(), doc), "_F"), bound.homogeneous() != null, bound.outerPower() != null, bound.sums(),
                    dual == null ? RealInterval.REALS : dual);
        }

        private static KernelSpec renamed(KernelSpec k, String suffix) {
            return new KernelSpec(k.name() + suffix, k.doc(), k.parameterNames(), k.defaults(), k.values(), k.bound(), k.general(), k.constraint(),
                    k.constraintText());
        }

        /** The registering subclass: it names only runtime classes (the kernels are found by name at run time). */
        String factorySource() {
            String pkg = MirrorMapTemplate.PACKAGE;
            return "package " + pkg + ";\npublic final class " + factoryClass() + " extends org.bregman.runtime.CompositeFactory {\n"
                    + "    public " + factoryClass() + "() {\n        super(" + JavaText.stringLiteral(name) + ", "
                    + JavaText.stringLiteral(Optimizers.className(inner) + "$Factory") + ", "
                    + JavaText.stringLiteral(Optimizers.className(outer) + "$Factory") + ", " + homogeneous + ", " + power + ", "
                    + interval(sums) + ", " + interval(dual) + ");\n    }\n}\n";
        }

        String factoryClass() {
            return JavaText.className(name) + "_Composite";
        }

        private static String interval(RealInterval r) {
            return "new org.bregman.runtime.Interval(" + JavaText.doubleLiteral(r.lower()) + ", " + r.lowerClosed() + ", "
                    + JavaText.doubleLiteral(r.upper()) + ", " + r.upperClosed() + ")";
        }
    }

    /** Exports these potentials; their names must differ. Returns the entry names written. */
    public static List<String> export(List<KernelSpec> specs, Path jar) throws IOException {
        return export(specs, List.of(), jar);
    }

    /** Exports separable and non-separable potentials; their names must differ. Returns the entry names written. */
    public static List<String> export(List<KernelSpec> specs, List<Composite> composites, Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        StringBuilder services = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (Composite c : composites) {
            if (seen.contains(c.name())) throw new IllegalArgumentException("two potentials named " + c.name() + " in one export");
            seen.add(c.name());
            for (String source : List.of(Optimizers.generateSource(c.inner()), Optimizers.generateSource(c.outer()), c.factorySource())) {
                try {
                    JaninoCompiler.shared().compile(source).bytecodes()
                            .forEach((k, v) -> entries.put(k.replace('.', '/') + ".class", v));
                } catch (JaninoCompiler.CompilationFailed e) {
                    throw new IOException("cannot export " + c.name() + ": " + e.getMessage(), e);
                }
            }
            services.append(MirrorMapTemplate.PACKAGE).append('.').append(c.factoryClass()).append('\n');
        }
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
                    "CompositeMirrorMap", "CompositeMirrorMap$1", "CompositeMirrorMap$2", "CompositeFactory", "PowerSum",
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
