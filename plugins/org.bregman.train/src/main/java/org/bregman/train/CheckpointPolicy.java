package org.bregman.train;

import java.util.Locale;

/**
 * When a run in progress is saved ({@code --checkpoint-every}): every {@code n} epochs (at the epoch's end), every
 * {@code n} steps, or every {@code n} minutes (checked after each step, so a checkpoint may fall inside an epoch).
 *
 * @param every how many units between two checkpoints (positive)
 * @param unit epochs, steps or minutes
 */
public record CheckpointPolicy(double every, Unit unit) {

    public enum Unit {
        EPOCHS, STEPS, MINUTES
    }

    public CheckpointPolicy {
        if (!(every > 0) || Double.isInfinite(every)) throw new IllegalArgumentException("a checkpoint interval must be positive, got " + every);
        if (unit != Unit.MINUTES && every != Math.rint(every)) {
            throw new IllegalArgumentException("a checkpoint interval in " + unit.name().toLowerCase(Locale.ROOT) + " must be a whole number, got " + every);
        }
    }

    /** Parses {@code 5epochs}, {@code 200steps}, {@code 10min} (a space before the unit is allowed; {@code 5} alone means epochs). */
    public static CheckpointPolicy parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        String unit = t.substring(i).strip();
        double n;
        try {
            n = Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an interval such as 5epochs, 200steps or 10min");
        }
        Unit u = switch (unit) {
            case "", "e", "epoch", "epochs" -> Unit.EPOCHS;
            case "s", "step", "steps" -> Unit.STEPS;
            case "m", "min", "mins", "minute", "minutes" -> Unit.MINUTES;
            default -> throw new IllegalArgumentException("'" + text + "': unknown unit '" + unit + "' (epochs, steps or min)");
        };
        return new CheckpointPolicy(n, u);
    }

    /** Whether a checkpoint is due after a step or at an epoch's end. */
    boolean due(boolean epochEnd, long epochs, long steps, long stepsSinceLast, long nanosSinceLast) {
        return switch (unit) {
            case EPOCHS -> epochEnd && epochs % (long) every == 0;
            case STEPS -> stepsSinceLast >= (long) every;
            case MINUTES -> nanosSinceLast >= every * 60e9;
        };
    }

    @Override
    public String toString() {
        return Num.format(every) + " " + unit.name().toLowerCase(Locale.ROOT);
    }
}
