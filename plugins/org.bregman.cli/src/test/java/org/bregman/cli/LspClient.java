package org.bregman.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** {@code bregman lsp} in a separate JVM, driven over stdio by LSP4J's client launcher. */
final class LspClient implements LanguageClient, AutoCloseable {
    /** The latest diagnostics of each file, by path. */
    final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
    final Process process;
    final LanguageServer server;

    LspClient(Path stderr) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", cp, Main.class.getName(), "lsp")
                .redirectError(stderr.toFile()).start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, process.getInputStream(),
                process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** LSP's handshake for a client of this process with one workspace folder, {@code workspace}. */
    org.eclipse.lsp4j.InitializeResult initialize(Path workspace) throws Exception {
        org.eclipse.lsp4j.InitializeParams init = new org.eclipse.lsp4j.InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setRootUri(uri(workspace));
        init.setWorkspaceFolders(java.util.List.of(new org.eclipse.lsp4j.WorkspaceFolder(uri(workspace), "ws")));
        init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        org.eclipse.lsp4j.InitializeResult r = server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        return r;
    }

    /** Waits until the latest diagnostics of {@code uri} satisfy {@code accept}. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> accept)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String path = java.net.URI.create(uri).getPath();
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = diagnostics.get(path);
            if (p != null && accept.test(p)) return p;
            Thread.sleep(2);
        }
        throw new AssertionError("no matching diagnostics for " + uri + ": " + diagnostics.get(path));
    }

    static boolean samePath(String uri1, String uri2) {
        return java.net.URI.create(uri1).getPath().equals(java.net.URI.create(uri2).getPath());
    }

    static String uri(Path p) {
        return p.toUri().toString();
    }

    /** The LSP position of the {@code k}-th (0-based) occurrence of {@code needle}, plus {@code delta}. */
    static Position position(String text, String needle, int k, int delta) {
        int at = -1;
        for (int i = 0; i <= k; i++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) throw new AssertionError(needle + " #" + k + " not found");
        }
        at += delta;
        int line = 0, col = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 0;
            } else col++;
        }
        return new Position(line, col);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams d) {
        diagnostics.put(java.net.URI.create(d.getUri()).getPath(), d);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams m) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
        } finally {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
