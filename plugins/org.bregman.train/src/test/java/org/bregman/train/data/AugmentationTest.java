package org.bregman.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cifar10(augment = "crop4, flip")}: random crops and flips, the same for the same (seed, epoch, example). */
class AugmentationTest {

    static final int H = 5, W = 4, C = 2;

    /** Pixel value = 1 + its index, so every source position is recognisable. */
    static float[] image() {
        float[] x = new float[H * W * C];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return x;
    }

    @Test
    void parsesTheSettingAndRefusesUnknownParts() {
        assertEquals(new Augmentation(4, true), Augmentation.parse("crop4, flip"));
        assertEquals(new Augmentation(0, true), Augmentation.parse("flip"));
        assertNull(Augmentation.parse("none"));
        assertEquals("crop4, flip", new Augmentation(4, true).toString());
        for (String bad : new String[] {"crop", "crop0", "rotate", "flip, flip", "crop4, crop2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Augmentation.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("augment: '"), e.getMessage());
        }
    }

    @Test
    void eachImageIsAShiftedPossiblyMirroredCopyWithZerosWhereTheCropLeavesTheImage() {
        Augmentation a = new Augmentation(2, true);
        float[] src = image();
        Set<String> seen = new HashSet<>();
        for (int example = 0; example < 1000; example++) {
            float[] out = new float[src.length];
            a.apply(src, 0, out, 0, H, W, C, 7, 3, example);
            // find the shift and mirror that explain every output pixel
            boolean explained = false;
            for (int dy = -2; dy <= 2 && !explained; dy++) {
                for (int dx = -2; dx <= 2 && !explained; dx++) {
                    for (boolean m : new boolean[] {false, true}) {
                        if (Arrays.equals(out, expected(src, dy, dx, m))) {
                            explained = true;
                            seen.add(dy + "," + dx + "," + m);
                            break;
                        }
                    }
                }
            }
            assertTrue(explained, "example " + example + ": " + Arrays.toString(out));
            float[] again = new float[src.length];
            a.apply(src, 0, again, 0, H, W, C, 7, 3, example);
            assertArrayEquals(out, again, "the same seed, epoch and example give the same image");
        }
        assertEquals(50, seen.size(), "every shift of ±2 and both mirrorings occur in 1,000 draws: " + seen);
        float[] one = new float[src.length], other = new float[src.length];
        int differ = 0;
        for (int example = 0; example < 20; example++) {
            a.apply(src, 0, one, 0, H, W, C, 7, 3, example);
            a.apply(src, 0, other, 0, H, W, C, 8, 3, example);
            if (!Arrays.equals(one, other)) differ++;
        }
        assertTrue(differ >= 15, "another seed draws other crops: " + differ + " of 20 differ");
    }

    static float[] expected(float[] src, int dy, int dx, boolean mirror) {
        float[] e = new float[src.length];
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int sy = y + dy, sx = (mirror ? W - 1 - x : x) + dx;
                    e[c * H * W + y * W + x] = sy < 0 || sy >= H || sx < 0 || sx >= W ? 0 : src[c * H * W + sy * W + sx];
                }
            }
        }
        return e;
    }

    @Test
    void trainingWithAugmentationIsDeterministicPerSeedAndDiffersFromTrainingWithout(@TempDir Path dir) throws Exception {
        Path cifar = Files.createDirectories(dir.resolve("cifar"));
        Cifar10Test.folder(cifar);
        String text = "potential QNorm(q = 3 where q > 1) {\n    psi(w) = |w|^q / q\n}\n";
        for (String[] x : new String[][] {{"Aug", "\"crop4, flip\""}, {"Aug2", "\"crop4, flip\""}, {"Plain", "\"none\""}}) {
            text += """
                    experiment %s {
                        data    cifar10(dir = "cifar", limit = 12, test = 2, augment = %s)
                        model   cnn(4, dense = 0, kernel = 3)
                        loss    crossEntropy
                        mirrors QNorm
                        init    normal(std = 0.05) seeds 1
                        lr      0.01
                        batch   4
                        until   epochs >= 2
                        report  bregman
                    }
                    """.formatted(x[0], x[1]);
        }
        Path file = dir.resolve("aug.potential");
        Files.writeString(file, text);
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        float[][] fin = new float[3][];
        String[] names = {"Aug", "Aug2", "Plain"};
        for (int i = 0; i < 3; i++) {
            var spec = ExperimentSpec.of(ws.experiment(names[i]));
            RunResult r = ExperimentRunner.run(spec, new ExperimentRunner.Options(dir.resolve("out/" + names[i]), null, false), null,
                    new ExperimentRunner.Stop()).result().runs().get(0);
            assertEquals(RunResult.Status.COMPLETED, r.status(), r.line());
            fin[i] = r.fin();
        }
        assertArrayEquals(fin[0], fin[1], "the same seed: the same augmented batches, the same weights");
        assertFalse(Arrays.equals(fin[0], fin[2]), "augmented batches train to other weights than the images as they are");
        assertTrue(Files.readString(dir.resolve("out/Aug/summary.md")).contains("training images augmented: crop4, flip"), "the summary names the augmentation");
    }
}
