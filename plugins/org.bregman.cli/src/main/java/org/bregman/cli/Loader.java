package org.bregman.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bregman.codegen.Optimizers;
import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.api.ResolvedPotential;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.SymbolicException;

/** Loads .potential files through the language's headless workspace and compiles potentials for the verbs. */
final class Loader {

    private Loader() {
    }

    /** A potential of a loaded file, with its location as the user should see it. */
    record Potential(ResolvedPotential resolved) {
        String name() {
            return resolved.name();
        }

        PotentialSpec spec() {
            return resolved.spec();
        }

        Path file() {
            return display(resolved.file());
        }

        int line() {
            return resolved.line();
        }

        String location() {
            return file() + ":" + resolved.line() + ":" + resolved.column();
        }
    }

    record Loaded(PotentialWorkspace workspace) {
        List<Diagnostic> diagnostics() {
            return workspace.diagnostics();
        }

        long errorCount() {
            return workspace.diagnostics().stream().filter(Diagnostic::isError).count();
        }

        void printDiagnostics(PrintWriter out) {
            for (Diagnostic d : workspace.diagnostics()) {
                out.println(displayed(d));
            }
            out.flush();
        }

        /** The diagnostics with their files as the user should see them. */
        List<Diagnostic> displayedDiagnostics() {
            return workspace.diagnostics().stream().map(Loader::displayed).toList();
        }

        List<Potential> potentials() {
            List<Potential> all = new ArrayList<>();
            for (ResolvedPotential r : workspace.potentials()) {
                if (r.spec() != null) all.add(new Potential(r));
            }
            return all;
        }

        /** The named potentials (all when {@code names} is empty); an unknown name is an input error. */
        List<Potential> select(List<String> names) {
            if (names.isEmpty()) {
                return potentials();
            }
            List<Potential> out = new ArrayList<>();
            for (String n : names) out.add(one(n));
            return out;
        }

        Potential one(String name) {
            for (Potential p : potentials()) {
                if (p.name().equals(name)) return p;
            }
            List<String> known = potentials().stream().map(Potential::name).toList();
            throw new Main.UserError("no potential named '" + name + "' in " + workspace.potentials().stream()
                    .map(r -> display(r.file()).toString()).distinct().toList()
                    + (known.isEmpty() ? " (it defines none)" : "; it defines " + String.join(", ", known)));
        }
    }

    static Loaded load(List<Path> files) {
        return new Loaded(PotentialWorkspace.load(files));
    }

    static MirrorMap compile(Potential p, Map<String, Double> overrides) {
        return compile(p, overrides, Optimizers.Options.DEFAULT);
    }

    /**
     * Binds the parameters (checking their {@code where} constraints) and compiles the optimizer;
     * compiler warnings (the interpreter fallback) go to stderr.
     */
    static MirrorMap compile(Potential p, Map<String, Double> overrides, Optimizers.Options options) {
        List<String> known = p.spec().parameters().stream().map(x -> x.name()).toList();
        for (String name : overrides.keySet()) {
            if (!known.contains(name)) {
                throw new Main.UserError("--set " + name + ": " + p.name() + " has no parameter '" + name + "'"
                        + (known.isEmpty() ? " (it has none)" : " (its parameters: " + String.join(", ", known) + ")"), Main.USAGE_ERROR);
            }
        }
        Consumer<String> warn = msg -> {
            if (msg.startsWith("warning")) System.err.println("bregman: " + msg);
        };
        Optimizers.addListener(warn);
        try {
            return Optimizers.compile(p.spec(), p.spec().arguments(overrides), p.resolved().doc(), options);
        } catch (SymbolicException e) {
            // values come from the command line (--set), so name them; the potential's place helps find it
            // a value given with --set is a usage error (2); the potential's own defaults an input error (1)
            throw new Main.UserError((overrides.isEmpty() ? "" : "--set " + overrides + ": ") + p.name() + ": "
                    + e.getMessage() + " (" + p.location() + ")", overrides.isEmpty() ? Main.INPUT_ERROR : Main.USAGE_ERROR);
        } finally {
            Optimizers.removeListener(warn);
        }
    }

    static Diagnostic displayed(Diagnostic d) {
        return d.file() == null ? d : d.withFile(display(d.file()));
    }

    /** A path as the user typed it: relative to the working directory when inside it. */
    static Path display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : file;
    }
}
