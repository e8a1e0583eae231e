package org.bregman.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bregman.codegen.AtomicFiles;
import org.bregman.codegen.FromSymbolic;
import org.bregman.codegen.JarExporter;
import org.bregman.codegen.KernelSpec;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.SymbolicException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes a self-contained optimizer jar. Each potential is compiled specialised to its default
 * parameter values; its factory also builds instances for other values
 * ({@code MirrorMaps.create("QNorm", Map.of("q", 10.0))}).
 */
@Command(name = "export",
        description = "Write a self-contained jar with the compiled optimizers and their small runtime API.")
final class ExportCommand extends Verb {

    @Mixin
    SourceFile source;

    @Option(names = "--potential", paramLabel = "NAME", description = "only this potential (repeatable; default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "JAR", description = "the jar to write")
    Path output;

    @Override
    public Integer call() {
        if (AtomicFiles.isOneOf(output, List.of(source.file))) {
            throw new Main.UserError("-o " + output + " is the input file: choose another name for the jar (the input is left as it is)",
                    Main.USAGE_ERROR);
        }
        List<Loader.Potential> chosen = loadValid(List.of(source.file)).select(only);
        if (chosen.isEmpty()) {
            throw new Main.UserError(source.file + " defines no potential to export");
        }
        List<KernelSpec> specs = new ArrayList<>();
        List<JarExporter.Composite> composites = new ArrayList<>();
        for (Loader.Potential p : chosen) {
            try {
                if (p.spec().isComposite()) {
                    composites.add(JarExporter.Composite.of(CompositeDerivation.derive(p.spec(), Map.of()), p.resolved().doc()));
                    continue;
                }
                Derivation bound = Derivation.derive(p.spec(), p.spec().arguments(Map.of()));
                specs.add(FromSymbolic.spec(bound, p.resolved().doc()));
            } catch (SymbolicException e) {
                throw new Main.UserError(p.location() + ": error: " + p.name() + ": " + e.getMessage(), Main.INPUT_ERROR, true);
            }
        }
        try {
            List<String> entries = JarExporter.export(specs, composites, output);
            err().printf("bregman: wrote %s (%d potential%s: %s; %d entries)%n", output,
                    chosen.size(), chosen.size() == 1 ? "" : "s",
                    String.join(", ", chosen.stream().map(Loader.Potential::name).toList()), entries.size());
        } catch (IOException e) {
            throw new Main.UserError("cannot write " + output + ": " + e.getMessage());
        }
        return 0;
    }
}
