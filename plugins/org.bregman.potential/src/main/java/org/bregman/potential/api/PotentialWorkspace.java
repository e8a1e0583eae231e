package org.bregman.potential.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.google.inject.Injector;
import org.bregman.potential.PotentialStandaloneSetup;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.potential.util.PotentialModels;
import org.bregman.potential.validation.ExpressionLimits;
import org.bregman.potential.validation.IssueCodes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LineAndColumn;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * The headless entry point for the CLI and the trainer: loads {@code .potential} files (and the files
 * they import), validates them, and returns sorted diagnostics, the potentials as symbolic
 * {@code PotentialSpec}s and the experiments as plain {@link ResolvedExperiment}s.
 *
 * <pre>{@code
 * PotentialWorkspace ws = PotentialWorkspace.load(Path.of("examples/potentials/qnorm.potential"));
 * ws.diagnostics().forEach(System.err::println);      // FILE:LINE:COL: error: MESSAGE
 * if (!ws.hasErrors()) { PotentialSpec q = ws.potential("QNorm").spec(); ... }
 * }</pre>
 *
 * Never throws on bad input: unreadable files, syntax errors, even internal failures become
 * diagnostics. The Xtext injector is created once per JVM; loading is serialised (one lock), each
 * load has its own resource set.
 */
public final class PotentialWorkspace {

    private static Injector injector;
    /** Serialises loads; not the class's monitor, which {@link #injector()} takes on the validation thread. */
    private static final Object LOAD_LOCK = new Object();

    private final List<Path> files;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<ResolvedPotential> potentials = new ArrayList<>();
    private final List<ResolvedExperiment> experiments = new ArrayList<>();
    private final List<Experiment> experimentAsts = new ArrayList<>();

    private PotentialWorkspace(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** The injector of the language (created on first use). */
    public static synchronized Injector injector() {
        if (injector == null) injector = new PotentialStandaloneSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    public static PotentialWorkspace load(Path... files) {
        return load(List.of(files));
    }

    /** Loads and validates the files (each with its imports). */
    public static PotentialWorkspace load(List<Path> files) {
        PotentialWorkspace ws = new PotentialWorkspace(files);
        synchronized (LOAD_LOCK) {
            ws.run(null);
        }
        return ws;
    }

    /**
     * Validates text as if it were the file {@code file} (which need not exist; imports and data files
     * resolve relative to it). For editors, tests and tools.
     */
    public static PotentialWorkspace fromString(String text, Path file) {
        PotentialWorkspace ws = new PotentialWorkspace(List.of(file));
        synchronized (LOAD_LOCK) {
            ws.run(text == null ? "" : text);
        }
        return ws;
    }

    /** Stack of the thread that parses and validates: deep nesting must not overflow it (limits are checked after the parse). */
    static final long STACK_BYTES = 1L << 30;

    /**
     * Parses and validates on a thread with a large stack: ANTLR and the validators recurse once per level of
     * nesting, and a deeply nested file must get its located "over the limit" error, not a StackOverflowError.
     */
    private void run(String text) {
        Thread t = new Thread(null, () -> runHere(text), "bregman-validate", STACK_BYTES);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void runHere(String text) {
        Injector inj;
        XtextResourceSet rs;
        IResourceValidator validator;
        IEObjectDocumentationProvider docs;
        try {
            inj = injector();
            rs = inj.getInstance(XtextResourceSet.class);
            rs.addLoadOption(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
            validator = inj.getInstance(IResourceValidator.class);
            docs = inj.getInstance(IEObjectDocumentationProvider.class);
        } catch (RuntimeException | LinkageError e) {
            diagnostics.add(new Diagnostic(null, 1, 1, Diagnostic.Severity.ERROR, IssueCodes.INTERNAL, "the language could not start: " + e));
            return;
        }
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            try {
                String source = SourceText.normalise(text != null ? text : SourceText.read(abs));
                Diagnostic tooLarge = SourceText.tooManyOperators(f, source, ExpressionLimits.MAX_NODES);
                if (tooLarge != null) {
                    diagnostics.add(tooLarge); // before the parse, which would take minutes on such a chain
                    continue;
                }
                // any file name given explicitly is accepted: the resource is created directly, not by extension
                XtextResource r = inj.getInstance(XtextResource.class);
                r.setURI(URI.createFileURI(abs.toString()));
                rs.getResources().add(r);
                r.load(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
                List<Issue> issues = validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
                boolean errors = false;
                for (Issue i : issues) {
                    if (i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.INFO
                            || i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.IGNORE) continue;
                    Diagnostic.Severity s = i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR
                            ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
                    errors |= s == Diagnostic.Severity.ERROR;
                    Path p = i.getUriToProblem() != null ? path(i.getUriToProblem().trimFragment()) : f;
                    diagnostics.add(new Diagnostic(p == null ? f : p, i.getLineNumber() == null ? 1 : i.getLineNumber(),
                            i.getColumn() == null ? 1 : i.getColumn(), s, IssueCodes.of(i), i.getMessage()));
                }
                collect(r, f, docs, errors);
            } catch (SourceText.Unreadable e) {
                String code = e.getMessage().startsWith("file not found") ? IssueCodes.FILE_NOT_FOUND : IssueCodes.UNREADABLE;
                diagnostics.add(new Diagnostic(f, 1, 1, Diagnostic.Severity.ERROR, code, e.getMessage()));
            } catch (IOException e) {
                diagnostics.add(new Diagnostic(f, 1, 1, Diagnostic.Severity.ERROR, IssueCodes.UNREADABLE, "cannot read " + abs + ": " + e.getMessage()));
            } catch (StackOverflowError e) {
                diagnostics.add(new Diagnostic(f, 1, 1, Diagnostic.Severity.ERROR, IssueCodes.TOO_DEEP,
                        "the file nests expressions too deeply to be read (the language allows " + ExpressionLimits.MAX_PARENTHESES
                                + " levels of parentheses)"));
            } catch (OutOfMemoryError e) {
                diagnostics.add(new Diagnostic(f, 1, 1, Diagnostic.Severity.ERROR, IssueCodes.INTERNAL, "the file is too large to be checked in this JVM's memory"));
            } catch (RuntimeException | LinkageError e) {
                diagnostics.add(new Diagnostic(f, 1, 1, Diagnostic.Severity.ERROR, IssueCodes.INTERNAL, "internal error while checking this file: " + e));
            }
        }
        Collections.sort(diagnostics);
    }

    private final Map<PotentialDef, PotentialTranslator.Result> translations = new java.util.IdentityHashMap<>();
    private final ExperimentResolver resolver = new ExperimentResolver(this::translation);

    private void collect(Resource r, Path file, IEObjectDocumentationProvider docs, boolean errors) {
        Model model = PotentialModels.model(r);
        if (model == null) return;
        for (PotentialDef p : PotentialModels.potentials(model)) {
            // a potential over the language's limits (an error) is never translated: the engine would work for minutes
            PotentialTranslator.Result t = errors ? null : translation(p);
            String doc = null;
            try {
                doc = docs.getDocumentation(p);
            } catch (RuntimeException e) {
                // a potential without a readable comment simply has no doc
            }
            LineAndColumn lc = position(p);
            potentials.add(new ResolvedPotential(p.getName(), doc == null ? null : doc.strip(), file, lc.getLine(), lc.getColumn(),
                    t == null ? null : t.spec(), p, t == null ? Map.of() : t.origins()));
        }
        for (Experiment x : PotentialModels.experiments(model)) {
            experimentAsts.add(x);
            if (!errors) experiments.add(resolver.resolve(x, file));
        }
    }

    /** Each potential translated once per load: the potentials list and every mirror that uses it share the result. */
    private PotentialTranslator.Result translation(PotentialDef p) {
        return translations.computeIfAbsent(p, PotentialTranslator::translate);
    }

    static LineAndColumn position(org.eclipse.emf.ecore.EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        if (n == null) return LineAndColumn.from(1, 1);
        return NodeModelUtils.getLineAndColumn(n, n.getOffset());
    }

    /** The path of a file URI, or null. */
    static Path path(URI uri) {
        if (uri == null) return null;
        if (uri.isFile()) return Path.of(uri.toFileString());
        return Path.of(uri.toString());
    }

    // ------------------------------------------------------------ results

    /** All diagnostics of the files and their imports, sorted by file, line, column. */
    public List<Diagnostic> diagnostics() {
        return Collections.unmodifiableList(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * The potentials defined in the loaded files (not those only imported), in order. A potential of a
     * file with errors has {@code spec() == null}.
     */
    public List<ResolvedPotential> potentials() {
        return Collections.unmodifiableList(potentials);
    }

    /** The potential of that name, or null. */
    public ResolvedPotential potential(String name) {
        for (ResolvedPotential p : potentials) if (p.name() != null && p.name().equals(name)) return p;
        return null;
    }

    /** The experiments of the loaded files that have no errors, resolved. */
    public List<ResolvedExperiment> experiments() {
        return Collections.unmodifiableList(experiments);
    }

    public ResolvedExperiment experiment(String name) {
        for (ResolvedExperiment x : experiments) if (x.name().equals(name)) return x;
        return null;
    }

    /** Every experiment's AST, with or without errors. */
    public List<Experiment> experimentAsts() {
        return Collections.unmodifiableList(experimentAsts);
    }
}
