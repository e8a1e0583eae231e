package org.bregman.cli;

import org.eclipse.xtext.ide.server.ServerLauncher;
import org.bregman.potential.ide.server.PotentialLanguageServer;

import picocli.CommandLine.Command;

/**
 * The language server on stdin/stdout (Xtext's LSP support on LSP4J): the language's ide services, found
 * through its {@code ISetup} service entry, for every editor that speaks LSP (the VS Code extension).
 */
@Command(name = "lsp",
        description = "Run the .potential language server on stdin/stdout (LSP), until the client exits.")
final class LspCommand extends Verb {

    @Override
    public Integer call() {
        // ServerLauncher keeps stdout for the protocol: anything else written there would corrupt it
        ServerLauncher.launch(LspCommand.class.getName(), new String[0], PotentialLanguageServer.module());
        return 0;
    }
}
