package org.bregman.train;

import java.util.Random;

/**
 * How initial points are drawn. The same seed gives the same point for every mirror: the draw depends
 * only on the seed and the number of parameters. Every parameter (biases included) is drawn.
 * {@link Zeros}, {@link Constant}, {@code normal} with {@code std = 0} and {@code uniform} with
 * {@code a = b} are exact: every parameter gets that value (rounded to float32), whatever the seed.
 */
public sealed interface InitSpec {

    float[] draw(int size, long seed);

    String describe();

    record Normal(double mean, double std) implements InitSpec {
        public Normal {
            if (!(std >= 0) || Double.isInfinite(std) || !Double.isFinite(mean)) {
                throw new IllegalArgumentException("normal(mean = " + mean + ", std = " + std + "): need a finite mean and std >= 0");
            }
        }

        @Override
        public float[] draw(int size, long seed) {
            Random r = new Random(seed); // java.util.Random's algorithm is specified: reproducible everywhere
            float[] w = new float[size];
            for (int i = 0; i < size; i++) w[i] = (float) (mean + std * r.nextGaussian());
            return w;
        }

        @Override
        public String describe() {
            return "normal(mean = " + Num.format(mean) + ", std = " + Num.format(std) + ")";
        }
    }

    record Uniform(double a, double b) implements InitSpec {
        public Uniform {
            if (!Double.isFinite(a) || !Double.isFinite(b) || a > b) {
                throw new IllegalArgumentException("uniform(a = " + a + ", b = " + b + "): need finite a <= b");
            }
        }

        @Override
        public float[] draw(int size, long seed) {
            Random r = new Random(seed);
            float[] w = new float[size];
            for (int i = 0; i < size; i++) w[i] = (float) (a + (b - a) * r.nextDouble());
            return w;
        }

        @Override
        public String describe() {
            return "uniform(a = " + Num.format(a) + ", b = " + Num.format(b) + ")";
        }
    }

    /** Every parameter 0 (for ℓq potentials, argmin ψ). */
    record Zeros() implements InitSpec {
        @Override
        public float[] draw(int size, long seed) {
            return new float[size];
        }

        @Override
        public String describe() {
            return "zeros";
        }
    }

    /** Every parameter {@code c}. */
    record Constant(double c) implements InitSpec {
        public Constant {
            if (!Double.isFinite(c)) throw new IllegalArgumentException("constant(c = " + c + "): need a finite c");
        }

        @Override
        public float[] draw(int size, long seed) {
            float[] w = new float[size];
            java.util.Arrays.fill(w, (float) c);
            return w;
        }

        @Override
        public String describe() {
            return "constant(c = " + Num.format(c) + ")";
        }
    }
}
