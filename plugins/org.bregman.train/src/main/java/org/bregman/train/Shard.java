package org.bregman.train;

/**
 * One of {@code count} disjoint parts of an experiment's runs ({@code --shard index/count}): the runs numbered
 * index, index + count, index + 2·count, … in the experiment's order (seed-major, mirrors in the order written), so
 * that every shard gets a share of every seed and the parts together are all runs.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1) throw new IllegalArgumentException("shard " + index + "/" + count + ": the number of shards must be at least 1");
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": the shard number must be between 1 and " + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String[] p = text.strip().split("/", -1);
        try {
            if (p.length == 2) return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a shard such as 1/4 (shard 1 of 4)");
    }

    /** Whether the run numbered {@code runIndex} (1-based, in the experiment's order) belongs to this shard. */
    public boolean includes(int runIndex) {
        return (runIndex - 1) % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
