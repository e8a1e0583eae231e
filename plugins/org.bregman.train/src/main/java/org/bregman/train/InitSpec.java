package org.bregman.train;

import java.util.Random;

/**
 * How initial points are drawn. The same seed gives the same point for every mirror: the draw depends
 * only on the seed and the number of parameters. Every parameter (biases included) is drawn.
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
}
