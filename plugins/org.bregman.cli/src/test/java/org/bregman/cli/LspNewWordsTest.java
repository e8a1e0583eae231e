package org.bregman.cli;

import static org.bregman.cli.LspClient.position;
import static org.bregman.cli.LspClient.uri;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server gives the hover and completions of issue 10's words that Eclipse gives (the same providers):
 * the derivation of a time-varying ψ(w; t), an update rule's arguments inside its brackets.
 */
class LspNewWordsTest {

    static final String TEXT = """
            /** Hyperbolic entropy whose scale shrinks with the time. */
            potential Shrinking(alpha = 0.5 where alpha > 0) {
                psi(w; t) = w * asinh(w / (alpha^2 * (1 + 1 / (1 + t)))) - sqrt(w^2 + (alpha^2 * (1 + 1 / (1 + t)))^2)
            }

            experiment E {
                data    regression(n = 4, d = 8, seed = 1)
                model   linear
                loss    squared
                mirrors Shrinking
                optimizers SmoothedSign()
                lr      auto
                until   loss < 1e-8 or epochs >= 10
            }
            """;

    @TempDir
    static Path dir;
    static LspClient lsp;
    static String fileUri;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("tv.potential"), TEXT);
        fileUri = uri(dir.resolve("tv.potential"));
        lsp = new LspClient(dir.resolveSibling(dir.getFileName() + "-lsp.log"));
        lsp.initialize(dir);
        lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(fileUri, "potential", 1, TEXT)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (lsp != null) lsp.close();
    }

    @Test
    void hoverOverATimeVaryingPotentialShowsItsDerivationInT() throws Exception {
        var h = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(fileUri),
                position(TEXT, "Shrinking", 1, 2))).get(30, TimeUnit.SECONDS);
        String text = h.getContents().getRight().getValue();
        assertTrue(text.contains("∇ψ(w; t) = "), text);
        assertTrue(text.contains("closed-form"), text);
        assertTrue(text.contains("t ≥ 0"), text);
    }

    @Test
    void completionInsideAnUpdateRuleOffersItsArguments() throws Exception {
        var result = lsp.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(fileUri),
                position(TEXT, "SmoothedSign()", 0, "SmoothedSign(".length()))).get(30, TimeUnit.SECONDS);
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.contains("eps = 0.1"), labels.toString());
        assertFalse(labels.contains("value"), labels.toString());
    }
}
