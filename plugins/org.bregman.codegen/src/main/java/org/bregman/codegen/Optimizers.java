package org.bregman.codegen;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bregman.runtime.CompositeMirrorMap;
import org.bregman.runtime.CompositePasses;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;

/**
 * The entry point for the CLI and the trainer: generate the Java source of a potential, compile it
 * with Janino (cached by source hash), fall back to the {@link InterpretedMirrorMap} when compilation fails
 * (with a warning to the listeners), and pick the fastest available step kernel.
 */
public final class Optimizers {

    /**
     * @param vector  try the Vector API kernel ({@code jdk.incubator.vector}) when the JVM has it
     * @param threads step with this many threads for large buffers (1 = the calling thread only;
     *                0 = one per available processor)
     */
    public record Options(boolean vector, int threads) {
        public static final Options DEFAULT = new Options(true, 1);
        public static final Options SCALAR = new Options(false, 1);
    }

    /**
     * How potentials are turned into code (as Spark's codegen factory mode): compiled with the interpreter
     * as the fallback (the default), compiled only (a failure throws: tests that must exercise Janino), or
     * interpreted only (no Janino at all). Set by {@link #setMode} or the system property
     * {@code bregman.codegen.mode} ({@code fallback}, {@code compiled-only}, {@code interpreted-only}).
     */
    public enum Mode {
        FALLBACK, COMPILED_ONLY, INTERPRETED_ONLY;

        static Mode fromProperty() {
            String p = System.getProperty("bregman.codegen.mode", "fallback");
            for (Mode m : values()) if (m.name().replace('_', '-').equalsIgnoreCase(p)) return m;
            throw new IllegalArgumentException("bregman.codegen.mode must be fallback, compiled-only or interpreted-only, not '" + p + "'");
        }
    }

    private static volatile Mode mode = Mode.fromProperty();

    private static final System.Logger LOG = System.getLogger("org.bregman.codegen");
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Map<MirrorMap, String> KINDS = Collections.synchronizedMap(new WeakHashMap<>());

    private Optimizers() {
    }

    public static Mode mode() {
        return mode;
    }

    /** Sets the mode for this process; returns the previous one (for tests to restore). */
    public static Mode setMode(Mode m) {
        Mode old = mode;
        mode = java.util.Objects.requireNonNull(m);
        return old;
    }

    /** Receives warnings (compilation fell back to the interpreter) and kernel choices. */
    public static void addListener(Consumer<String> listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Consumer<String> listener) {
        LISTENERS.remove(listener);
    }

    static void report(String message) {
        if (LISTENERS.isEmpty()) {
            // nobody listening: warnings still reach the platform logger (stderr by default)
            LOG.log(
                    message.startsWith("warning:") ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, message);
        }
        for (Consumer<String> l : LISTENERS) l.accept(message);
    }

    /**
     * The Java source (one compilation unit) generated for this potential and binding: the specialised
     * class with its nested General and Factory classes (what {@link JarExporter} exports). A live
     * {@link #compile} uses the same source without General and Factory.
     */
    public static String generateSource(KernelSpec spec) {
        return MirrorMapTemplate.generate(spec);
    }

    /** The fully qualified name of the generated top-level class. */
    public static String className(KernelSpec spec) {
        return MirrorMapTemplate.PACKAGE + "." + MirrorMapTemplate.className(spec);
    }

    /**
     * Compiles a bound derivation ({@code Derivation.derive(spec, args)}) with the default options.
     *
     * @param doc the potential's doc comment (escaped into the class), or {@code null}
     */
    public static MirrorMap compile(org.bregman.symbolic.Derivation bound, String doc) {
        return compile(bound, doc, Options.DEFAULT);
    }

    public static MirrorMap compile(org.bregman.symbolic.Derivation bound, String doc, Options options) {
        return compile(FromSymbolic.kernelOnly(bound, doc), options);
    }

    /**
     * Derives and compiles a potential for these arguments (others default), separable or not; a bad value is a
     * {@code SymbolicException}.
     */
    public static MirrorMap compile(PotentialSpec spec, Map<String, Double> arguments, String doc, Options options) {
        return spec.isComposite() ? compile(CompositeDerivation.derive(spec, arguments), doc, options)
                : compile(org.bregman.symbolic.Derivation.derive(spec, arguments), doc, options);
    }

    /**
     * A non-separable potential: g compiled as a one-variable kernel with {@code options} (compiled, vector or
     * interpreted as any potential: the coordinate pass), F compiled scalar, combined by the runtime's
     * {@link CompositeMirrorMap} (the reductions and the scalar equation).
     */
    public static MirrorMap compile(CompositeDerivation bound, String doc, Options options) {
        if (!bound.isBound() && !bound.spec().parameters().isEmpty()) {
            throw new IllegalArgumentException(bound.spec().name() + ": bind the derivation to parameter values before compiling it");
        }
        MirrorMap inner = compile(bound.inner(), doc, options);
        MirrorMap outer = compile(bound.outer(), doc, Options.SCALAR);
        RealInterval dual = bound.dualDomain();
        CompositeMirrorMap m = new CompositeMirrorMap(bound.spec().name(), bound.parameterValues(), inner, outer,
                bound.homogeneous() == null ? Double.NaN : bound.homogeneous().exponent(),
                bound.outerPower() == null ? Double.NaN : bound.outerPower().exponent(), bound.sums().toRuntime(),
                (dual == null ? RealInterval.REALS : dual).toRuntime());
        KINDS.put(m, "non-separable: " + kernelKind(inner) + " coordinate pass");
        // one thread, homogeneous g with a vector kernel: two fused passes (the threaded step keeps its threaded coordinate pass)
        if (options.vector() && options.threads() == 1 && bound.homogeneous() != null && inner != null && kernelKind(inner).startsWith("vector")) {
            CompositePasses passes = VectorKernels.passes(FromSymbolic.kernelOnly(bound.inner(), doc), bound.homogeneous().exponent(),
                    inner.dualDomain(), Optimizers::report);
            if (passes != null) {
                m = m.withPasses(passes);
                KINDS.put(m, "non-separable: fused vector passes (" + kernelKind(inner) + ")");
            }
        }
        return m;
    }

    /** The Java source for a bound derivation. */
    public static String generateSource(org.bregman.symbolic.Derivation bound, String doc) {
        return generateSource(FromSymbolic.spec(bound, doc));
    }

    /** Compiles with the default options (Vector API kernel when available, one thread). */
    public static MirrorMap compile(KernelSpec spec) {
        return compile(spec, Options.DEFAULT);
    }

    public static MirrorMap compile(KernelSpec spec, Options options) {
        MirrorMap scalar = compileScalar(spec, JaninoCompiler.shared(), Optimizers::report);
        if (spec.isTimeVarying()) {
            // the step takes two times: the vector kernel reads them from fields; no threaded wrapper takes them yet
            if (scalar instanceof InterpretedTimeVaryingMirrorMap) return scalar;
            if (!options.vector()) {
                report("kernel: " + spec.name() + ": scalar (time-varying, vector kernel not requested)");
                return scalar;
            }
            MirrorMap v = VectorKernels.wrap(spec, scalar, Optimizers::report);
            if (options.threads() != 1) {
                // said where the kind is shown (run, bench), not only to the listeners
                KINDS.put(v, kernelKind(v) + ", one thread (the step between two times has no threaded kernel)");
                report("kernel: " + spec.name() + ": one thread (the step between two times has no threaded kernel)");
            }
            return v;
        }
        if (!options.vector() && !(scalar instanceof InterpretedMirrorMap)) report("kernel: " + spec.name() + ": scalar (vector kernel not requested)");
        MirrorMap m = scalar;
        if (options.vector() && !(scalar instanceof InterpretedMirrorMap)) {
            m = VectorKernels.wrap(spec, scalar, Optimizers::report);
        }
        int threads = options.threads() <= 0 ? Runtime.getRuntime().availableProcessors() : options.threads();
        if (threads > 1) {
            String kind = kernelKind(m);
            m = new ParallelMirrorMap(m, threads);
            KINDS.put(m, kind + " x " + threads + " threads");
        }
        return m;
    }

    /**
     * The scalar compiled class, or the interpreter (with a warning) when compilation fails; in
     * {@link Mode#INTERPRETED_ONLY} the interpreter, in {@link Mode#COMPILED_ONLY} a failure throws.
     */
    public static MirrorMap compileScalar(KernelSpec spec, JaninoCompiler compiler, Consumer<String> warnings) {
        Mode m0 = mode;
        if (m0 == Mode.INTERPRETED_ONLY) return interpreter(spec);
        String source = MirrorMapTemplate.generateKernelOnly(spec);
        try {
            JaninoCompiler.Unit unit = compiler.compileReusing(source);
            MirrorMap m = (MirrorMap) unit.load(className(spec)).getDeclaredConstructor().newInstance();
            KINDS.put(m, "scalar");
            return m;
        } catch (JaninoCompiler.CompilationFailed e) {
            if (m0 == Mode.COMPILED_ONLY) throw new IllegalStateException(spec.name() + ": " + e.getMessage() + " (mode compiled-only)", e);
            warnings.accept("warning: " + spec.name() + ": " + e.getMessage() + "; using the interpreter instead (same results, slower)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (m0 == Mode.COMPILED_ONLY) throw new IllegalStateException(spec.name() + ": the compiled class could not be loaded (mode compiled-only)", e);
            warnings.accept("warning: " + spec.name() + ": the compiled class could not be loaded (" + e
                    + "); using the interpreter instead (same results, slower)");
        }
        return interpreter(spec);
    }

    private static MirrorMap interpreter(KernelSpec spec) {
        MirrorMap i = spec.isTimeVarying() ? new InterpretedTimeVaryingMirrorMap(spec) : new InterpretedMirrorMap(spec);
        KINDS.put(i, "interpreter");
        return i;
    }

    /**
     * Which kernel a mirror map from {@link #compile} runs: {@code scalar}, {@code interpreter},
     * {@code vector (8 x float)} …, with {@code x N threads} when stepping in parallel.
     */
    public static String kernelKind(MirrorMap m) {
        String k = KINDS.get(m);
        return k != null ? k : "unknown (" + m.getClass().getName() + ")";
    }

    static void registerKind(MirrorMap m, String kind) {
        KINDS.put(m, kind);
    }
}
