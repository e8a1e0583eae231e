package org.bregman.codegen;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassLoaderIClassLoader;
import org.codehaus.janino.IClassLoader;
import org.codehaus.janino.Parser;
import org.codehaus.janino.Scanner;
import org.codehaus.janino.UnitCompiler;
import org.codehaus.janino.util.ClassFile;

/**
 * Compiles generated Java source with Janino, caching by the SHA-256 of the source (which the generator
 * writes canonically: the same potential and binding give the same text): the same source gives the same
 * {@link Class} without compiling again. Each distinct source gets its own class loader (so equal class
 * names of different sources do not collide); the cache keeps the {@link #DEFAULT_CAPACITY} most
 * recently used units, so that a long session (the IDE, a parameter sweep) does not keep every loader.
 * Janino's descriptions of the parent's classes ({@code Math}, the runtime API) are built once per compiler and
 * shared by its compiles: rebuilding them (reflection over every class the source names) cost more than
 * compiling the kernel itself.
 */
public final class JaninoCompiler {

    /** A compiled source: its classes, loader and bytecode (for jar export). */
    public record Unit(String sha256, String source, ClassLoader loader, Map<String, byte[]> bytecodes) {

        public Class<?> load(String binaryName) {
            try {
                return Class.forName(binaryName, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled source lacks class " + binaryName, e);
            }
        }
    }

    /** Compilation failed; the message names the line and column in the generated source. */
    public static final class CompilationFailed extends Exception {
        public CompilationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final JaninoCompiler SHARED = new JaninoCompiler(JaninoCompiler.class.getClassLoader());

    /** Units kept by {@link #shared()}: far more than the potentials of one experiment file. */
    public static final int DEFAULT_CAPACITY = 256;

    private final ClassLoader parent;
    /** Janino's view of {@link #parent}: only the parent's classes, never a generated one; guarded by {@code this}. */
    private final IClassLoader parentClasses;
    /** Least recently used first; guarded by {@code this}. */
    private final LinkedHashMap<String, Unit> cache;
    /** {@link #compileReusing}'s bytecode by the SHA-256 of the shape, least recently used first; guarded by {@code this}. */
    private final LinkedHashMap<String, Map<String, byte[]>> shapes;

    public JaninoCompiler(ClassLoader parent) {
        this(parent, DEFAULT_CAPACITY);
    }

    /** @param capacity how many compiled sources to keep (the least recently used is dropped first) */
    public JaninoCompiler(ClassLoader parent, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.parent = parent;
        this.parentClasses = new ClassLoaderIClassLoader(parent);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Unit> eldest) {
                return size() > capacity;
            }
        };
        this.shapes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The process-wide compiler (parent: this module's class loader, which sees the runtime API). */
    public static JaninoCompiler shared() {
        return SHARED;
    }

    public static String sha256(String source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Whether this exact source has been compiled already. */
    public synchronized boolean isCached(String source) {
        return cache.containsKey(sha256(source));
    }

    public synchronized int cacheSize() {
        return cache.size();
    }

    /** Compiles (or finds in the cache) one compilation unit. */
    public Unit compile(String source) throws CompilationFailed {
        String key = sha256(source);
        synchronized (this) {
            Unit u = cache.get(key);
            if (u != null) return u;
            try {
                Map<String, byte[]> bytecodes = bytecodes(source);
                u = new Unit(key, source, new UnitLoader(bytecodes, parent), bytecodes);
            } catch (CompileException e) {
                throw new CompilationFailed("Janino could not compile the generated source: " + e.getMessage(), e);
            } catch (IOException | RuntimeException | LinkageError e) {
                throw new CompilationFailed("Janino failed on the generated source: " + e, e);
            }
            cache.put(key, u);
            return u;
        }
    }

    /**
     * Compiles a live kernel as {@link #compile} does, but a source that differs from one compiled before only in its
     * floating-point literals (another binding of the same potential) reuses that bytecode ({@link HoistedLiterals}):
     * only the class is defined again, in a loader that hands it its numbers. The unit's bytecode reads its numbers
     * from that loader, so it is not for export (export compiles with {@link #compile}). Cached apart from
     * {@link #compile}'s units; a shape Janino rejects is compiled as it is.
     */
    public Unit compileReusing(String source) throws CompilationFailed {
        String key = "literals " + sha256(source);
        synchronized (this) {
            Unit u = cache.get(key);
            if (u != null) return u;
            HoistedLiterals h = HoistedLiterals.of(source);
            String shapeKey = h.shape() == null ? null : sha256(h.shape());
            Map<String, byte[]> bytecodes = shapeKey == null ? null : shapes.get(shapeKey);
            if (bytecodes == null && shapeKey != null) {
                try {
                    bytecodes = bytecodes(h.shape());
                    shapes.put(shapeKey, bytecodes);
                } catch (CompileException | IOException | RuntimeException | LinkageError e) {
                    bytecodes = null; // compiled with its literals below
                }
            }
            if (bytecodes == null) return compile(source);
            double[] values = h.values();
            u = new Unit(key, source, new LiteralsLoader(bytecodes, parent, values), bytecodes);
            cache.put(key, u);
            return u;
        }
    }

    /**
     * Defines one unit's classes, looking at its own before asking the parent: the parent never has them, and asking it
     * first (a search of its whole class path ending in an exception) cost more than defining the class.
     */
    private static class UnitLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        UnitLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, b, 0, b.length);
            }
        }
    }

    /** Defines a shape's classes and hands them their literals ({@link HoistedLiterals}: the class initialiser asks). */
    private static final class LiteralsLoader extends UnitLoader implements java.util.function.Supplier<double[]> {
        private final double[] values;

        LiteralsLoader(Map<String, byte[]> classes, ClassLoader parent, double[] values) {
            super(classes, parent);
            this.values = values;
        }

        @Override
        public double[] get() {
            return values.clone();
        }
    }

    /** Parses and compiles one unit (what Janino's {@code SimpleCompiler} does, with the shared class descriptions). */
    private Map<String, byte[]> bytecodes(String source) throws CompileException, IOException {
        UnitCompiler uc = new UnitCompiler(new Parser(new Scanner(null, new StringReader(source))).parseAbstractCompilationUnit(),
                parentClasses);
        uc.setTargetVersion(8); // static interface methods (VectorSpecies.of, MemorySegment.ofBuffer)
        List<ClassFile> files = new ArrayList<>();
        uc.compileUnit(false, false, false, files); // no debugging information, as SimpleCompiler's default
        Map<String, byte[]> bytecodes = new HashMap<>();
        // class files as the JVM specification has them (exported jars, javap); the JVM ignores the flag either way
        for (ClassFile f : files) bytecodes.put(f.getThisClassName(), TopLevelFlags.withoutStatic(f.toByteArray()));
        return Map.copyOf(bytecodes);
    }
}
