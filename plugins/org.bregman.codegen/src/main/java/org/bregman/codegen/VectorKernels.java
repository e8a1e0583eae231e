package org.bregman.codegen;

import java.util.function.Consumer;
import org.bregman.runtime.CompositePasses;
import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;

/**
 * Chooses the step kernel: the Vector API variant when the JVM has {@code jdk.incubator.vector}
 * (started with {@code --add-modules jdk.incubator.vector}) and the potential is vectorisable,
 * otherwise the scalar class. The choice and its reason go to the listener.
 */
public final class VectorKernels {

    private VectorKernels() {
    }

    /** Whether the Vector API module is in the boot layer. */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Why this potential cannot get a vector kernel, or {@code null} when it can. */
    public static String unsupportedReason(KernelSpec spec) {
        if (spec.bound().numericInverse()) return "the numeric inverse is not vectorised";
        if (Node_hasParams(spec)) return "unbound parameters";
        if (!spec.bound().dual().isNumeric()) return "the dual domain is not numeric";
        return null;
    }

    private static boolean Node_hasParams(KernelSpec spec) {
        return org.bregman.codegen.ir.Node.hasParams(spec.bound().grad())
                || org.bregman.codegen.ir.Node.hasParams(spec.bound().inverse());
    }

    /** The Vector API source for this potential (for inspection and export). */
    public static String generateSource(KernelSpec spec) {
        return VectorTemplate.generate(spec);
    }

    /** The vector kernel around {@code scalar}, or {@code scalar} itself (reported) when there is none. */
    public static MirrorMap wrap(KernelSpec spec, MirrorMap scalar, Consumer<String> report) {
        String reason = unsupportedReason(spec);
        if (reason == null && !available()) {
            reason = "jdk.incubator.vector is not available (start the JVM with --add-modules jdk.incubator.vector)";
        }
        if (reason != null) {
            report.accept("kernel: " + spec.name() + ": scalar (" + reason + ")");
            return scalar;
        }
        try {
            JaninoCompiler.Unit unit = JaninoCompiler.shared().compileReusing(generateSource(spec));
            Class<?> c = unit.load(MirrorMapTemplate.PACKAGE + "." + VectorTemplate.className(spec));
            MirrorMap v = (MirrorMap) c.getConstructor(MirrorMap.class).newInstance(scalar);
            String kind = (String) c.getMethod("kind").invoke(null);
            Optimizers.registerKind(v, kind);
            report.accept("kernel: " + spec.name() + ": " + kind);
            return v;
        } catch (JaninoCompiler.CompilationFailed | ReflectiveOperationException | RuntimeException | LinkageError e) {
            report.accept("kernel: " + spec.name() + ": scalar (the vector kernel failed: " + e.getMessage() + ")");
            return scalar;
        }
    }

    /**
     * The fused passes of a non-separable step whose g = k|w|^r is {@code spec} ({@link CompositeVectorTemplate}), or
     * {@code null} (reported) when g gets no vector kernel.
     */
    public static CompositePasses passes(KernelSpec spec, double r, Interval dual, Consumer<String> report) {
        String reason = unsupportedReason(spec);
        if (reason == null && !available()) reason = "jdk.incubator.vector is not available";
        if (reason != null) {
            report.accept("kernel: " + spec.name() + ": four passes (" + reason + ")");
            return null;
        }
        try {
            JaninoCompiler.Unit unit = JaninoCompiler.shared().compile(CompositeVectorTemplate.generate(spec, r));
            Class<?> c = unit.load(MirrorMapTemplate.PACKAGE + "." + CompositeVectorTemplate.className(spec));
            CompositePasses passes = (CompositePasses) c.getConstructor(Interval.class).newInstance(dual);
            report.accept("kernel: " + spec.name() + ": " + c.getMethod("kind").invoke(null));
            return passes;
        } catch (JaninoCompiler.CompilationFailed | ReflectiveOperationException | RuntimeException | LinkageError e) {
            report.accept("kernel: " + spec.name() + ": four passes (the fused passes failed: " + e.getMessage() + ")");
            return null;
        }
    }
}
