package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported jar works alone: a consumer compiled and run against ONLY that jar, in a fresh JVM. */
class JarExportTest {

    static final String CONSUMER = """
            import java.util.Map;
            import org.bregman.runtime.MirrorMap;
            import org.bregman.runtime.MirrorMaps;

            public class Consumer {
                public static void main(String[] args) {
                    MirrorMap q3 = MirrorMaps.create("QNorm", Map.of("q", 3.0));
                    float[] w = {0.5f, -2f, 1.25f};
                    float[] g = {1f, 1f, -0.5f};
                    int bad = q3.step(w, g, 0.1f);
                    System.out.println(q3.name() + " " + q3.parameters() + " " + bad + " " + w[0] + " " + w[1] + " " + w[2]);
                    MirrorMap q25 = MirrorMaps.create("QNorm", Map.of("q", 2.5));
                    System.out.println(q25.parameters() + " " + q25.inverse(q25.grad(0.7)));
                    MirrorMap e = MirrorMaps.create("NegEntropy", Map.of());
                    float[] v = {1f};
                    e.step(v, new float[] {0.5f}, 0.1f);
                    System.out.println(e.name() + " " + v[0] + " " + e.dualDomain().isAllReals());
                    float[] hi = {0.5f, -2f};
                    float[] lo = {0f, 0f};
                    int cbad = q3.stepCompensated(hi, lo, 0, new float[] {1f, 1f}, 0, 2, 0.1f);
                    System.out.println("compensated " + cbad + " " + hi[0] + " " + lo[0] + " " + hi[1] + " " + lo[1]);
                    try {
                        MirrorMaps.create("QNorm", Map.of("q", 0.5));
                    } catch (IllegalArgumentException ex) {
                        System.out.println("rejected: " + ex.getMessage());
                    }
                }
            }
            """;

    @Test
    void exportedJarRunsAloneInAFreshJvm(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("optimizer.jar");
        List<KernelSpec> specs = List.of(HandDerived.qnorm(3), HandDerived.negEntropy());
        List<String> entries = JarExporter.export(specs, jar);
        assertTrue(entries.contains("org/bregman/runtime/MirrorMaps.class"), entries.toString());
        assertTrue(entries.contains("org/bregman/generated/Bregman_QNorm$Factory.class"), entries.toString());
        try (JarFile jf = new JarFile(jar.toFile())) {
            String services = new String(jf.getInputStream(jf.getEntry(JarExporter.SERVICE)).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("org.bregman.generated.Bregman_QNorm$Factory\norg.bregman.generated.Bregman_NegEntropy$Factory\n", services);
        }
        Path src = tmp.resolve("src/Consumer.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, CONSUMER);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        int rc = javac.run(null, null, null, "-cp", jar.toString(), "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "javac against only the jar");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", jar + File.pathSeparator + classes, "Consumer").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the consumer finishes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);

        // the same computations in this JVM
        MirrorMap q3 = Optimizers.compile(HandDerived.qnorm(3), Optimizers.Options.SCALAR);
        float[] w = {0.5f, -2f, 1.25f};
        int bad = q3.step(w, new float[] {1f, 1f, -0.5f}, 0.1f);
        MirrorMap e = Optimizers.compile(HandDerived.negEntropy(), Optimizers.Options.SCALAR);
        float[] v = {1f};
        e.step(v, new float[] {0.5f}, 0.1f);
        float[] hi = {0.5f, -2f};
        float[] lo = {0f, 0f};
        int cbad = q3.stepCompensated(hi, lo, 0, new float[] {1f, 1f}, 0, 2, 0.1f);
        String expected = "QNorm {q=3.0} " + bad + " " + w[0] + " " + w[1] + " " + w[2] + "\n"
                + "{q=2.5} 0.7\n"
                + "NegEntropy " + v[0] + " true\n"
                + "compensated " + cbad + " " + hi[0] + " " + lo[0] + " " + hi[1] + " " + lo[1] + "\n";
        assertTrue(out.startsWith(expected), "expected\n" + expected + "got\n" + out);
        assertTrue(out.contains("rejected: QNorm: the values {q=0.5} violate the constraint q > 1"), out);
        assertEquals(-1, bad);
        assertEquals(-1, cbad);
        assertNotEquals(0f, lo[0], "the exported jar's default compensated step keeps a low word");
        assertEquals((float) Math.sqrt(0.15000000596046448), w[0], 1e-7f);
    }
}
