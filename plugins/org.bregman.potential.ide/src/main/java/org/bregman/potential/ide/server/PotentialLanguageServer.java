package org.bregman.potential.ide.server;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * Xtext's language server, made to accept a client without a workspace folder (an editor with a single
 * file open sends neither a root nor folders, and Xtext 2.42 fails on that): such a client gets an
 * empty folder of its own as the root, and its open documents are served as usual. Its semantic-token
 * legend includes the language's own styles ({@link PotentialSemanticTokensService}).
 */
public class PotentialLanguageServer extends LanguageServerImpl {

	/** Xtext's server module with this server. */
	public static Module module() {
		return Modules.override(new ServerModule())
				.with(binder -> {
					binder.bind(LanguageServerImpl.class).to(PotentialLanguageServer.class);
					// the legend the server announces: the same service as the language's
					binder.bind(SemanticTokensService.class).to(PotentialSemanticTokensService.class);
				});
	}

	@Override
	@SuppressWarnings("deprecation")
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean noFolders = params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty();
		if (noFolders && params.getRootUri() == null && params.getRootPath() == null) {
			try {
				var empty = Files.createTempDirectory("bregman-lsp");
				empty.toFile().deleteOnExit();
				params.setRootUri(empty.toUri().toString());
			} catch (IOException e) {
				throw new IllegalStateException("cannot create a folder for a client without workspace", e);
			}
		}
		return super.initialize(params);
	}
}
