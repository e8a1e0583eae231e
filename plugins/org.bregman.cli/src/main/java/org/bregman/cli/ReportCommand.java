package org.bregman.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bregman.codegen.AtomicFiles;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.train.ExperimentFingerprint;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.Num;
import org.bregman.train.RunStore;
import org.bregman.train.report.ReportFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Merges the runs that {@code bregman run --shard i/N} (or {@code --checkpoint-every}) kept in several folders into
 * each experiment's report, as one unsharded run writes it. The runs of one experiment must all come from the same
 * experiment and file version (its fingerprint), and that file must still be that version: the report is computed
 * from the experiment's settings and data. Nothing is trained; a missing run is listed and nothing is written.
 */
@Command(name = "report",
        description = "Merge the run folders of `bregman run --shard I/N` (DIR/<Experiment>.shard-I-of-N.runs) into the full report.")
final class ReportCommand extends Verb {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders holding <Experiment>.…runs folders (or such folders themselves)")
    List<Path> dirs;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Map<String, List<RunStore>> byExperiment = new LinkedHashMap<>();
        for (RunStore s : stores()) byExperiment.computeIfAbsent(s.manifest().experiment(), k -> new ArrayList<>()).add(s);
        Path base = reportOptions.base();
        ConsoleProgress progress = new ConsoleProgress(WriterStream.of(out()));
        for (var e : byExperiment.entrySet()) {
            List<RunStore> stores = e.getValue();
            RunStore first = stores.get(0);
            for (RunStore s : stores) {
                if (!s.manifest().fingerprint().equals(first.manifest().fingerprint())) {
                    throw new Main.UserError("error: " + first.folder() + " and " + s.folder() + " hold runs of different versions of experiment "
                            + e.getKey() + " (from " + first.manifest().file() + " and " + s.manifest().file() + "): they cannot make one report",
                            Main.INPUT_ERROR, true);
                }
            }
            Path file = first.manifest().file();
            ResolvedExperiment x = loadValid(List.of(file), true).workspace().experiments().stream().filter(r -> r.name().equals(e.getKey()))
                    .findFirst().orElseThrow(() -> new Main.UserError("error: " + file + " no longer defines experiment " + e.getKey()
                            + ", whose runs are in " + first.folder(), Main.INPUT_ERROR, true));
            if (!ExperimentFingerprint.of(x).equals(first.manifest().fingerprint())) {
                throw new Main.UserError("error: experiment " + e.getKey() + " in " + file + " has changed since the runs in " + first.folder()
                        + " were made; its report would not be theirs", Main.INPUT_ERROR, true);
            }
            Path report = base.resolve(Num.safe(e.getKey()));
            try {
                ReportFolder.checkWritable(report);
                RunCommand.printReport(ExperimentRunner.report(RunCommand.translate(file, x), stores,
                        new ExperimentRunner.Options(report, reportOptions.dataDir, reportOptions.saveWeights)), progress);
            } catch (IOException ex) {
                throw new Main.UserError("error: cannot write the report under " + base + ": " + AtomicFiles.describe(ex), Main.INPUT_ERROR, true);
            } catch (ExperimentRunner.ExperimentException ex) {
                throw new Main.UserError("error: " + ex.getMessage(), Main.INPUT_ERROR, true);
            }
        }
        return 0;
    }

    /** Every run store in the folders given (a folder may be a store itself). */
    private List<RunStore> stores() {
        List<RunStore> found = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) throw new Main.UserError("error: " + d + " is not a folder", Main.INPUT_ERROR, true);
            List<Path> candidates;
            if (d.getFileName() != null && d.getFileName().toString().endsWith(RunStore.SUFFIX)) {
                candidates = List.of(d);
            } else {
                try (Stream<Path> s = Files.list(d)) {
                    candidates = s.filter(p -> p.getFileName().toString().endsWith(RunStore.SUFFIX) && Files.isDirectory(p)).sorted().toList();
                } catch (IOException e) {
                    throw new Main.UserError("error: cannot read " + d + ": " + AtomicFiles.describe(e), Main.INPUT_ERROR, true);
                }
            }
            if (candidates.isEmpty()) {
                throw new Main.UserError("error: " + d + " holds no runs (no <Experiment>.…runs folder from `bregman run --shard` or --checkpoint-every)",
                        Main.INPUT_ERROR, true);
            }
            for (Path c : candidates) {
                try {
                    found.add(RunStore.open(c));
                } catch (IOException e) {
                    throw new Main.UserError("error: " + e.getMessage(), Main.INPUT_ERROR, true);
                }
            }
        }
        return found;
    }
}
