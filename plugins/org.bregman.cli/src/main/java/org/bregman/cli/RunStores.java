package org.bregman.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.codegen.AtomicFiles;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.train.CheckpointPolicy;
import org.bregman.train.ExperimentFingerprint;
import org.bregman.train.RunStore;
import org.bregman.train.Shard;

import picocli.CommandLine.Option;

/**
 * {@code bregman run}'s choice of run store per experiment: none (a plain run), a new one ({@code --checkpoint-every},
 * {@code --shard}), or the one an earlier run left ({@code --resume}), which must be of the same experiment, file
 * version and shard. A new store never replaces one that holds runs: those are continued with {@code --resume} or
 * deleted by the user.
 */
record RunStores(CheckpointPolicy every, Shard shard, boolean resume) {

    /** The store of experiment {@code x} whose report goes to {@code report}, or null when runs are not kept. */
    RunStore open(Path file, ResolvedExperiment x, Path report, int runs) {
        Path folder = RunStore.beside(report, shard);
        String fingerprint = ExperimentFingerprint.of(x);
        try {
            if (resume) {
                if (!Files.isDirectory(folder)) {
                    throw new Main.UserError("error: nothing to resume for experiment " + x.name() + ": there is no " + folder
                            + (shard == null ? "" : " (give the same --shard as the run you resume)")
                            + "; runs are kept there when started with --checkpoint-every or --shard", Main.INPUT_ERROR, true);
                }
                RunStore store = RunStore.open(folder);
                if (!store.manifest().fingerprint().equals(fingerprint)) {
                    throw new Main.UserError("error: " + folder + " holds runs of another version of experiment " + x.name() + " (from "
                            + store.manifest().file() + "); its settings or potentials have changed since, so the runs cannot be "
                            + "continued: run it again into another --out folder", Main.INPUT_ERROR, true);
                }
                return store.checkpointing(every);
            }
            if (every == null && shard == null) return null;
            if (Files.isDirectory(folder)) {
                throw new Main.UserError("error: " + folder + " holds the runs of an earlier start of " + x.name()
                        + "; continue them with --resume " + report.getParent() + ", or delete that folder to start again",
                        Main.INPUT_ERROR, true);
            }
            return RunStore.create(folder, new RunStore.Manifest(x.name(), fingerprint, file.toAbsolutePath().normalize(), runs, shard, every));
        } catch (IOException e) {
            throw new Main.UserError("error: cannot use " + folder + ": " + AtomicFiles.describe(e), Main.INPUT_ERROR, true);
        }
    }

    /** {@code --checkpoint-every}, {@code --resume}, {@code --shard}: the options of {@code bregman run} that choose its run stores. */
    static final class Options {
        @Option(names = "--checkpoint-every", paramLabel = "INTERVAL",
                description = "save runs in progress every N epochs, steps or minutes (5epochs, 200steps, 10min) into DIR/<Experiment>.runs/")
        String checkpointEvery;

        @Option(names = "--resume", paramLabel = "DIR",
                description = "continue the runs of an earlier `run --out DIR` (killed or interrupted): finished runs are kept, "
                        + "the run in progress goes on from its last checkpoint")
        Path resume;
        @Option(names = "--shard", paramLabel = "I/N",
                description = "run only part I of N of the (mirror, seed) runs into DIR/<Experiment>.shard-I-of-N.runs/; "
                        + "`bregman report DIR…` merges the parts into the report")
        String shard;

        RunStores stores() {
            return new RunStores(RunCommand.parse(checkpointEvery, CheckpointPolicy::parse, "--checkpoint-every"),
                    RunCommand.parse(shard, Shard::parse, "--shard"), resume != null);
        }
    }
}
