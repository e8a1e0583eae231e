package org.bregman.train.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The standard CIFAR augmentation ({@code cifar10(augment = "crop4, flip")}): each training image of a mini-batch is
 * shifted by a random crop of the image padded with {@code crop} zero pixels on every side, and mirrored left–right
 * with probability ½. The draw depends only on (seed, epoch, example), not on the order or the process, so the same
 * seed gives the same augmented images for every mirror, and a run resumed from a checkpoint sees the images an
 * uninterrupted one sees. Evaluations (loss, accuracy, test accuracy) use the images as they are.
 *
 * @param crop the padding of the random crop in pixels (0: no crop)
 * @param flip whether images are mirrored left–right at random
 */
public record Augmentation(int crop, boolean flip) {

    public Augmentation {
        if (crop < 0) throw new IllegalArgumentException("augment: crop must be >= 0, got " + crop);
    }

    /** {@code "crop4, flip"}, {@code "flip"}, {@code "crop2"}; {@code "none"} or empty: null (no augmentation). */
    public static Augmentation parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("none")) return null;
        int crop = 0;
        boolean flip = false;
        for (String part : text.split(",", -1)) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals("flip") && !flip) {
                flip = true;
            } else if (p.matches("crop[0-9]{1,2}") && crop == 0 && Integer.parseInt(p.substring(4)) > 0) {
                crop = Integer.parseInt(p.substring(4));
            } else {
                throw new IllegalArgumentException("augment: '" + part.strip() + "' is not one of crop1 … crop99, flip (each once), e.g. \"crop4, flip\"");
            }
        }
        return new Augmentation(crop, flip);
    }

    /**
     * Writes the augmented image of example {@code example} (channels first: {@code channels} planes of
     * {@code height × width}) from {@code src[from…]} to {@code dst[to…]}.
     */
    public void apply(float[] src, int from, float[] dst, int to, int height, int width, int channels, long seed, long epoch, int example) {
        SplittableRandom r = new SplittableRandom(mix(mix(mix(0x5EEDL, seed), epoch), example));
        int dy = crop == 0 ? 0 : r.nextInt(2 * crop + 1) - crop;
        int dx = crop == 0 ? 0 : r.nextInt(2 * crop + 1) - crop;
        boolean mirror = flip && r.nextBoolean();
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    dst[to + plane + y * width + x] = sy < 0 || sy >= height || sx < 0 || sx >= width ? 0 : src[from + plane + sy * width + sx];
                }
            }
        }
    }

    private static long mix(long h, long v) {
        long z = (h ^ v) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return (crop > 0 ? "crop" + crop + (flip ? ", " : "") : "") + (flip ? "flip" : "");
    }
}
