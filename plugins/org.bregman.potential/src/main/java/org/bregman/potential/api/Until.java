package org.bregman.potential.api;

import org.bregman.symbolic.Condition.Op;

/**
 * The stopping condition of a validated experiment: comparisons over loss, trainAccuracy, testAccuracy, epochs and steps,
 * joined by and / or. Built once by the language ({@link PotentialWorkspace}); the trainer evaluates it as it is.
 */
public sealed interface Until {

    enum Metric implements Keyword {
        LOSS, TRAIN_ACCURACY, TEST_ACCURACY, EPOCHS, STEPS,
        /** The normalised margin of the run's own geometry ({@link Geometry}): min_i ỹ_i f(x_i) / ‖θ‖_q^L. */
        MARGIN;

        public static Metric of(String keyword) {
            return Keyword.of(Metric.class, keyword, "metric");
        }

        boolean budget() {
            return this == EPOCHS || this == STEPS;
        }
    }

    /** The comparison written {@code symbol} ({@code <}, {@code <=}, …), as the symbolic engine defines it. */
    static Op op(String symbol) {
        for (Op o : Op.values()) if (o.symbol().equals(symbol)) return o;
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'");
    }

    /**
     * Current values; accuracies are NaN for regression or without a test set, the margin for regression or a model that
     * is not homogeneous (so conditions on them never hold).
     */
    record State(double loss, double trainAccuracy, double testAccuracy, long epochs, long steps, double margin) {
    }

    boolean holds(State s);

    /** Whether only the loss / accuracy part holds (budget terms read as false): the run converged. */
    boolean targetHolds(State s);

    /** Whether the condition must become true after finitely many steps. */
    boolean bounded();

    /** Whether it mentions loss or trainAccuracy at all. */
    boolean hasTarget();

    /** Whether it mentions steps (then it is also checked after every step, not only after each epoch). */
    boolean mentionsSteps();

    /** Whether it mentions testAccuracy (then the test set is evaluated after every epoch). */
    boolean mentionsTest();

    /** The most epochs a run can take under this condition (∞ when only loss / accuracy can stop it). */
    double epochLimit(long stepsPerEpoch);

    static Until of(String metric, String op, double value) {
        return new Cond(Metric.of(metric), op(op), value);
    }

    /** {@code 3} for 3.0, else Java's shortest round-trip form (as the trainer's reports print numbers). */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    default Until or(Until other) {
        return new Or(this, other);
    }

    default Until and(Until other) {
        return new And(this, other);
    }

    record Cond(Metric metric, Op op, double value) implements Until {
        @Override
        public boolean holds(State s) {
            double v = switch (metric) {
                case LOSS -> s.loss();
                case TRAIN_ACCURACY -> s.trainAccuracy();
                case TEST_ACCURACY -> s.testAccuracy();
                case EPOCHS -> s.epochs();
                case STEPS -> s.steps();
                case MARGIN -> s.margin();
            };
            return op.test(v, value);
        }

        @Override
        public boolean targetHolds(State s) {
            return !metric.budget() && holds(s);
        }

        @Override
        public boolean bounded() {
            // a counter only grows: it eventually passes any >, >=, != bound
            return metric.budget() && (op == Op.GT || op == Op.GE || op == Op.NE || op == Op.EQ && value >= 0);
        }

        @Override
        public boolean hasTarget() {
            return !metric.budget();
        }

        @Override
        public boolean mentionsSteps() {
            return metric == Metric.STEPS;
        }

        @Override
        public boolean mentionsTest() {
            return metric == Metric.TEST_ACCURACY;
        }

        @Override
        public double epochLimit(long stepsPerEpoch) {
            if (!bounded() || op == Op.NE) return Double.POSITIVE_INFINITY;
            double v = op == Op.GT ? Math.floor(value) + 1 : Math.ceil(value);
            return metric == Metric.EPOCHS ? v : Math.ceil(v / stepsPerEpoch);
        }

        @Override
        public String toString() {
            return metric.keyword() + " " + op.symbol() + " " + number(value);
        }
    }

    record Or(Until a, Until b) implements Until {
        public boolean holds(State s) { return a.holds(s) || b.holds(s); }
        public boolean targetHolds(State s) { return a.targetHolds(s) || b.targetHolds(s); }
        public boolean bounded() { return a.bounded() || b.bounded(); }
        public boolean hasTarget() { return a.hasTarget() || b.hasTarget(); }
        public boolean mentionsSteps() { return a.mentionsSteps() || b.mentionsSteps(); }
        public boolean mentionsTest() { return a.mentionsTest() || b.mentionsTest(); }
        public double epochLimit(long spe) { return Math.min(a.epochLimit(spe), b.epochLimit(spe)); }
        @Override public String toString() { return a + " or " + b; }
    }

    record And(Until a, Until b) implements Until {
        public boolean holds(State s) { return a.holds(s) && b.holds(s); }
        public boolean targetHolds(State s) { return part(a, s) && part(b, s); }
        // a budget-only part of an 'and' does not make the run unconverged
        private static boolean part(Until u, State s) { return u.hasTarget() ? u.targetHolds(s) : u.holds(s); }
        // "epochs >= 5 and loss < 1" may never hold: bounded only when both parts are
        public boolean bounded() { return a.bounded() && b.bounded(); }
        public boolean hasTarget() { return a.hasTarget() || b.hasTarget(); }
        public boolean mentionsSteps() { return a.mentionsSteps() || b.mentionsSteps(); }
        public boolean mentionsTest() { return a.mentionsTest() || b.mentionsTest(); }
        public double epochLimit(long spe) { return Math.max(a.epochLimit(spe), b.epochLimit(spe)); }
        @Override public String toString() {
            return paren(a) + " and " + paren(b);
        }
        private static String paren(Until u) { return u instanceof Or ? "(" + u + ")" : u.toString(); }
    }
}
