package org.bregman.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.bregman.codegen.AtomicFiles;
import org.bregman.train.RunResult.Status;

/**
 * The runs of one experiment on disk, next to its report folder ({@code DIR/<Experiment>.runs/}): a manifest (which
 * experiment, from which file, its fingerprint, the shard and the checkpoint interval), each finished run
 * ({@code <run>.run}: its result with initial and final weights and curve) and each run in progress
 * ({@code <run>.checkpoint}: a {@link RunState}). Every file is written to a temporary file and moved into place, so a
 * run killed at any moment leaves the previous checkpoint or the new one. {@code bregman run --resume} continues from
 * it, {@code bregman report} merges the stores of several shards.
 */
public final class RunStore {

    /** The folder's suffix beside the report folder. */
    public static final String SUFFIX = ".runs";
    private static final String MANIFEST = "manifest.properties";
    private static final int FORMAT = 1;

    /**
     * @param fingerprint {@link ExperimentFingerprint} of the resolved experiment: two stores of the same experiment
     *     (same file version) have the same one
     * @param file the .potential file it was run from (absolute)
     * @param runs the number of runs of the whole experiment
     * @param shard the part run into this store, or null for all runs
     * @param checkpoints when runs in progress are saved, or null for never (finished runs are always kept)
     */
    public record Manifest(String experiment, String fingerprint, Path file, int runs, Shard shard, CheckpointPolicy checkpoints) {
    }

    private final Path folder;
    private final Manifest manifest;

    private RunStore(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Where the store of the report folder {@code report} ({@code DIR/<Experiment>}) lies: {@code DIR/<Experiment>.runs},
     * or for a shard {@code DIR/<Experiment>.shard-2-of-4.runs} (so shards may share a folder).
     */
    public static Path beside(Path report, Shard shard) {
        Path abs = report.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + (shard == null ? "" : ".shard-" + shard.index() + "-of-" + shard.count()) + SUFFIX);
    }

    /** The same store with another checkpoint interval (a resumed run's {@code --checkpoint-every}); the manifest keeps the first. */
    public RunStore checkpointing(CheckpointPolicy every) {
        return every == null ? this : new RunStore(folder, new Manifest(manifest.experiment(), manifest.fingerprint(), manifest.file(),
                manifest.runs(), manifest.shard(), every));
    }

    public Path folder() {
        return folder;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** A new, empty store (an older one in the same place is replaced). */
    public static RunStore create(Path folder, Manifest m) throws IOException {
        if (Files.exists(folder)) org.bregman.train.report.ReportFolder.deleteTree(folder);
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("experiment", m.experiment());
        p.setProperty("fingerprint", m.fingerprint());
        p.setProperty("file", m.file().toString());
        p.setProperty("runs", Integer.toString(m.runs()));
        if (m.shard() != null) p.setProperty("shard", m.shard().toString());
        if (m.checkpoints() != null) p.setProperty("checkpointEvery", m.checkpoints().toString());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        p.store(text, "bregman run store");
        AtomicFiles.write(folder.resolve(MANIFEST), text.toByteArray());
        return new RunStore(folder, m);
    }

    /** The store in {@code folder}; an {@link IOException} with a message for the user when there is none or it is damaged. */
    public static RunStore open(Path folder) throws IOException {
        Path f = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) throw new IOException(folder + " holds no runs of an experiment (no " + MANIFEST + ")");
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(f, StandardCharsets.ISO_8859_1)));
        try {
            if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) throw new IllegalArgumentException("format " + p.getProperty("format"));
            String shard = p.getProperty("shard");
            String every = p.getProperty("checkpointEvery");
            return new RunStore(folder, new Manifest(required(p, "experiment"), required(p, "fingerprint"), Path.of(required(p, "file")),
                    Integer.parseInt(required(p, "runs")), shard == null ? null : Shard.parse(shard), every == null ? null : CheckpointPolicy.parse(every)));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no " + key);
        return v;
    }

    /** The finished run of {@code m} from {@code seed}, or null. */
    public RunResult finished(MirrorSpec m, long seed) throws IOException {
        Path f = folder.resolve(key(m, seed) + ".run");
        return Files.isRegularFile(f) ? readResult(Files.readAllBytes(f), m, seed) : null;
    }

    /** The checkpoint of the run in progress of {@code m} from {@code seed}, or null. */
    RunState inProgress(MirrorSpec m, long seed) throws IOException {
        Path f = folder.resolve(key(m, seed) + ".checkpoint");
        return Files.isRegularFile(f) ? RunState.read(Files.readAllBytes(f)) : null;
    }

    void saveInProgress(MirrorSpec m, long seed, RunState s) throws IOException {
        AtomicFiles.write(folder.resolve(key(m, seed) + ".checkpoint"), s.write());
    }

    /** Keeps a finished run; its checkpoint is deleted after the record is in place. */
    void saveFinished(RunResult r) throws IOException {
        AtomicFiles.write(folder.resolve(r.key() + ".run"), writeResult(r));
        Files.deleteIfExists(folder.resolve(r.key() + ".checkpoint"));
    }

    private static String key(MirrorSpec m, long seed) {
        return m.key() + "_seed" + seed;
    }

    private static byte[] writeResult(RunResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(r.status().name());
            out.writeLong(r.epochs());
            out.writeLong(r.steps());
            Bin.doubles(out, new double[] {r.lr(), r.finalLoss(), r.trainAccuracy(), r.testAccuracy(), r.margin(), r.seconds(), r.testLoss()});
            Bin.string(out, r.message());
            Bin.floats(out, r.init());
            Bin.floats(out, r.fin());
            Bin.floats(out, r.predictor());
            Bin.curve(out, r.curve());
            Bin.curve(out, r.path());
        }
        return bytes.toByteArray();
    }

    private static RunResult readResult(byte[] data, MirrorSpec m, long seed) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            Status status;
            try {
                status = Status.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("damaged run record of " + m.label() + ", seed " + seed, e);
            }
            long epochs = in.readLong();
            long steps = in.readLong();
            double[] v = Bin.doubles(in);
            String message = Bin.string(in);
            float[] init = Bin.floats(in), fin = Bin.floats(in), predictor = Bin.floats(in);
            java.util.List<double[]> curve = java.util.List.copyOf(Bin.curve(in));
            return new RunResult(m, seed, v[0], status, epochs, steps, v[1], v[2], v[3], v[4], message, init, fin, predictor, curve, v[5], v[6],
                    java.util.List.copyOf(Bin.curve(in)));
        }
    }
}
