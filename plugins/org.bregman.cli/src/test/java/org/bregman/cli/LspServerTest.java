package org.bregman.cli;

import static org.bregman.cli.LspClient.position;
import static org.bregman.cli.LspClient.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bregman lsp} as a separate process over stdio: what an editor gets from it. */
class LspServerTest {

    static final String LIB = """
            /** The lq family; q = 2 is plain SGD. */
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            """;
    static final String MAIN = """
            import "lib.potential"

            potential Entropy {
                psi(w) = w * log(w)
            }

            experiment E {
                data    regression(n = 4, d = 8, seed = 1)
                model   linear
                loss    squared
                mirrors QNorm(q = 10)
                lr      0.1
                until   loss < 1e-8 or epochs >= 10
            }
            """;

    @TempDir
    static Path dir;
    static LspClient lsp;
    static String mainUri;
    static String libUri;
    static List<String> tokenTypes;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("lib.potential"), LIB);
        Files.writeString(dir.resolve("main.potential"), MAIN);
        mainUri = uri(dir.resolve("main.potential"));
        libUri = uri(dir.resolve("lib.potential"));
        lsp = new LspClient(dir.resolveSibling(dir.getFileName() + "-lsp.log"));
        InitializeResult r = lsp.initialize(dir);
        tokenTypes = r.getCapabilities().getSemanticTokensProvider().getLegend().getTokenTypes();
        assertTrue(r.getCapabilities().getHoverProvider().getLeft());
        lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(mainUri, "potential", 1, MAIN)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (lsp != null) lsp.close();
    }

    static String text(Diagnostic d) {
        return d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue();
    }

    static TextDocumentIdentifier main() {
        return new TextDocumentIdentifier(mainUri);
    }

    static Diagnostic logError() throws InterruptedException {
        PublishDiagnosticsParams p = lsp.awaitDiagnostics(mainUri, d -> !d.getDiagnostics().isEmpty());
        return p.getDiagnostics().stream().filter(d -> text(d).contains("log needs")).findFirst()
                .orElseThrow(() -> new AssertionError(p.getDiagnostics().toString()));
    }

    @Test
    void diagnosticsHaveTheRangeAndMessageOfCheck() throws Exception {
        Diagnostic d = logError();
        assertEquals("log needs its argument > 0, but w ranges over all reals; add `domain w > 0`", text(d));
        assertEquals(position(MAIN, "log(w)", 0, 0), d.getRange().getStart());
    }

    @Test
    void hoverOverAUseShowsTheDerivationWithTheArguments() throws Exception {
        var h = lsp.server.getTextDocumentService().hover(new HoverParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 2))).get(30, TimeUnit.SECONDS);
        String text = h.getContents().getRight().getValue();
        assertTrue(text.contains("QNorm(q = 10)"), text);
        assertTrue(text.contains("∇ψ(w) = w^9"), text);
        assertTrue(text.contains("closed-form"), text);
        assertTrue(text.contains("The lq family"), text); // the doc comment too
    }

    @Test
    void definitionGoesAcrossTheImport() throws Exception {
        var defs = lsp.server.getTextDocumentService().definition(new DefinitionParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1))).get(30, TimeUnit.SECONDS);
        List<? extends Location> locations = defs.getLeft();
        assertEquals(1, locations.size(), locations.toString());
        assertTrue(LspClient.samePath(libUri, locations.get(0).getUri()), locations.toString());
        assertEquals(position(LIB, "QNorm", 0, 0), locations.get(0).getRange().getStart());
    }

    @Test
    void completionAfterMirrorsOffersPotentialsInScope() throws Exception {
        var result = lsp.server.getTextDocumentService().completion(new CompletionParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 0))).get(30, TimeUnit.SECONDS);
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        // the signature with defaults, "potential" as the detail: no internal class names
        assertTrue(labels.contains("QNorm(q = 3)"), labels.toString());
        assertTrue(labels.contains("Entropy"), labels.toString());
        CompletionItem q = items.get(labels.indexOf("QNorm(q = 3)"));
        assertEquals("potential", q.getDetail());
        assertEquals("QNorm", q.getInsertText() != null ? q.getInsertText() : q.getTextEdit().getLeft().getNewText());
        assertTrue(items.stream().noneMatch(i -> String.valueOf(i.getDetail()).contains("PotentialDef")), labels.toString());
    }

    @Test
    void referencesAndRenameReachBothFiles() throws Exception {
        var refs = lsp.server.getTextDocumentService().references(new ReferenceParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1), new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
        assertTrue(refs.stream().anyMatch(l -> LspClient.samePath(mainUri, l.getUri())), refs.toString());
        WorkspaceEdit edit = lsp.server.getTextDocumentService().rename(new RenameParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1), "LpNorm")).get(30, TimeUnit.SECONDS);
        String edits = String.valueOf(edit.getChanges()) + edit.getDocumentChanges();
        assertTrue(edits.contains("lib.potential") && edits.contains("main.potential"), edits);
        assertTrue(edits.contains("LpNorm"), edits);
    }

    @Test
    void referencesAreTheDeclarationAndEachUseWithTheirRanges() throws Exception {
        var refs = lsp.server.getTextDocumentService().references(new ReferenceParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1), new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
        assertEquals(2, refs.size(), refs.toString());
        Location decl = refs.stream().filter(l -> LspClient.samePath(libUri, l.getUri())).findFirst().orElseThrow();
        assertEquals(position(LIB, "QNorm", 0, 0), decl.getRange().getStart());
        assertEquals(position(LIB, "QNorm", 0, 5), decl.getRange().getEnd());
        Location use = refs.stream().filter(l -> LspClient.samePath(mainUri, l.getUri())).findFirst().orElseThrow();
        assertEquals(position(MAIN, "QNorm(q = 10)", 0, 0), use.getRange().getStart());
        var usesOnly = lsp.server.getTextDocumentService().references(new ReferenceParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1), new ReferenceContext(false))).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(use), usesOnly);
    }

    @Test
    void renameToAKeywordIsRefusedAsInEclipse() {
        var f = lsp.server.getTextDocumentService().rename(new RenameParams(main(),
                position(MAIN, "QNorm(q = 10)", 0, 1), "potential"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("is a keyword"), e.toString());
    }

    @Test
    void documentSymbolsListPotentialsAndExperiments() throws Exception {
        var symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(main()))
                .get(30, TimeUnit.SECONDS);
        String names = symbols.stream().map(e -> e.isLeft() ? e.getLeft().getName() : e.getRight().getName())
                .collect(Collectors.joining(","));
        assertTrue(names.contains("Entropy") && names.contains("E"), names);
    }

    @Test
    void semanticTokensComeFromTheHighlightingCalculator() throws Exception {
        var tokens = lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(main()))
                .get(30, TimeUnit.SECONDS);
        List<Integer> data = tokens.getData();
        // five integers a token: line delta, start delta, length, type, modifiers
        List<String> types = new java.util.ArrayList<>();
        for (int i = 3; i < data.size(); i += 5) types.add(tokenTypes.get(data.get(i)));
        assertTrue(types.containsAll(List.of("potential", "experiment", "coordinate", "function")), types.toString());
    }

    @Test
    void formattingIsTheFormatOfTheCli() throws Exception {
        String messy = "potential   P{psi(w)=w^2/2}\n";
        String uri = uri(dir.resolve("messy.potential"));
        lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "potential", 1, messy)));
        List<? extends TextEdit> edits = lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(
                new TextDocumentIdentifier(uri), new FormattingOptions(4, true))).get(30, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        assertEquals("potential P { psi(w) = w^2 / 2 }\n", edits.get(0).getNewText());
    }

    @Test
    void codeActionAddsTheDomain() throws Exception {
        Diagnostic d = logError();
        var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(main(), d.getRange(),
                new CodeActionContext(List.of(d)))).get(30, TimeUnit.SECONDS);
        CodeAction a = actions.stream().filter(Either::isRight).map(Either::getRight)
                .filter(c -> c.getTitle().equals("Add `domain w > 0`")).findFirst()
                .orElseThrow(() -> new AssertionError(actions.toString()));
        TextEdit e = a.getEdit().getChanges().values().iterator().next().get(0);
        assertEquals("\n    domain w > 0", e.getNewText());
        assertEquals(position(MAIN, "{", 0, 1), e.getRange().getStart());
    }

    @Test
    void diagnosticsLatencyAfterAChangeOfA500LineFile() throws Exception {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (sb.toString().lines().count() < 500) {
            sb.append("/** Potential ").append(k).append(". */\npotential P").append(k)
                    .append("(q = 3 where q > 1) {\n    psi(w) = |w|^q / q + w^2 / 2\n}\n\n");
            k++;
        }
        String text = sb.toString();
        String uri = uri(dir.resolve("big.potential"));
        var docs = lsp.server.getTextDocumentService();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "potential", 1, text)));
        lsp.awaitDiagnostics(uri, p -> true);
        String broken = text + "potential Broken {\n    psi(w) = w * log(w)\n}\n";
        // changes alternate between adding the error and removing it, so that each one's diagnostics differ
        // from the previous ones: the first few warm up the server's JIT, the median of the rest is reported
        int warmUp = 10, measured = 21;
        List<Long> times = new java.util.ArrayList<>();
        PublishDiagnosticsParams withError = null;
        for (int i = 0; i < warmUp + measured; i++) {
            boolean addError = i % 2 == 0;
            long t0 = System.nanoTime();
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2),
                    List.of(new TextDocumentContentChangeEvent(addError ? broken : text))));
            PublishDiagnosticsParams p = lsp.awaitDiagnostics(uri,
                    d -> d.getDiagnostics().stream().anyMatch(x -> text(x).contains("log needs")) == addError);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i == 0) {
                withError = p;
                System.out.println("LSP diagnostics latency after didChange, " + text.lines().count()
                        + "-line file, first change: " + ms + " ms");
            }
            if (i >= warmUp) times.add(ms);
        }
        java.util.Collections.sort(times);
        System.out.println("LSP diagnostics latency after didChange, " + text.lines().count() + "-line file, median of "
                + measured + " changes after " + warmUp + " of warm-up: " + times.get(measured / 2) + " ms (min "
                + times.get(0) + ", max " + times.get(measured - 1) + ")");
        assertTrue(text(withError.getDiagnostics().get(0)).contains("log needs"), withError.getDiagnostics().toString());
    }
}
