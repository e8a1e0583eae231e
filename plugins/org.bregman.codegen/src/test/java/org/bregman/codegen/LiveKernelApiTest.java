package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.bregman.runtime.GeneratedMirrorMap;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;

/**
 * The live kernel-only class ({@link GeneratedMirrorMap} serves its descriptive methods and argument checks) answers
 * as the exported class with the same specialised forms: same name, parameters, domains, text, exceptions and steps.
 */
class LiveKernelApiTest {

    private static MirrorMap instance(String source, KernelSpec s) throws Exception {
        return (MirrorMap) new JaninoCompiler(LiveKernelApiTest.class.getClassLoader()).compile(source).load(Optimizers.className(s))
                .getDeclaredConstructor().newInstance();
    }

    @Test
    void liveAndExportedClassesAnswerAlike() throws Exception {
        for (KernelSpec s : new KernelSpec[] {HandDerived.qnorm(3.3), HandDerived.qnorm(3), HandDerived.negEntropy(),
                HandDerived.quartic(), HandDerived.bounded()}) {
            MirrorMap live = instance(MirrorMapTemplate.generateKernelOnly(s), s);
            MirrorMap exported = instance(MirrorMapTemplate.generate(s), s);
            assertTrue(live instanceof GeneratedMirrorMap);
            assertEquals(exported.name(), live.name());
            assertEquals(exported.parameters(), live.parameters());
            assertEquals(exported.toString(), live.toString());
            assertEquals(exported.domain(), live.domain());
            assertEquals(exported.dualDomain(), live.dualDomain());
            assertEquals(exported.inverseIsClosedForm(), live.inverseIsClosedForm());
            float[] w = {0.5f, -1.25f, 3f}, v = {0.25f, 1f, 2f}, g = {0.1f, -0.2f, 0.3f};
            assertEquals(exported.bregman(w, v), live.bregman(w, v));
            assertEquals(message(() -> exported.bregman(w, new float[2])), message(() -> live.bregman(w, new float[2])));
            assertEquals(message(() -> exported.step(w, 1, g, 0, 3, 0.1f)), message(() -> live.step(w, 1, g, 0, 3, 0.1f)));
            FloatBuffer short1 = FloatBuffer.wrap(new float[2]);
            assertEquals(message(() -> exported.step(FloatBuffer.wrap(w), short1, 0.1f)),
                    message(() -> live.step(FloatBuffer.wrap(w), short1, 0.1f)));
            float[] w1 = w.clone(), w2 = w.clone();
            assertEquals(exported.step(FloatBuffer.wrap(w1), FloatBuffer.wrap(g), 0.1f), live.step(FloatBuffer.wrap(w2), FloatBuffer.wrap(g), 0.1f));
            assertEquals(java.util.Arrays.toString(w1), java.util.Arrays.toString(w2));
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
