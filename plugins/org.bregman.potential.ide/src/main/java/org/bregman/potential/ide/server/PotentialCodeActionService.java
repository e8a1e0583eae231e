package org.bregman.potential.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bregman.potential.ide.quickfix.PotentialQuickFixes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

/** LSP code actions: the quick fixes of {@link PotentialQuickFixes} for the diagnostics in the request. */
public class PotentialCodeActionService implements ICodeActionService2 {

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> out = new ArrayList<>();
		// the server passes the document and the access, not always the resource: read it in the same request
		if (options.getResource() instanceof XtextResource resource)
			return actions(options, resource, options.getDocument());
		if (options.getLanguageServerAccess() == null)
			return out;
		List<Either<Command, CodeAction>> read = options.getLanguageServerAccess().doSyncRead(options.getURI(),
				ctx -> ctx.getResource() instanceof XtextResource r ? actions(options, r, ctx.getDocument()) : null);
		return read == null ? out : read;
	}

	private List<Either<Command, CodeAction>> actions(Options options, XtextResource resource, Document doc) {
		List<Either<Command, CodeAction>> out = new ArrayList<>();
		for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
			int start = doc.getOffSet(d.getRange().getStart());
			int end = doc.getOffSet(d.getRange().getEnd());
			for (PotentialQuickFixes.Fix fix : PotentialQuickFixes.of(resource, message(d), start, end - start)) {
				CodeAction a = new CodeAction(fix.label());
				a.setKind(CodeActionKind.QuickFix);
				a.setDiagnostics(List.of(d));
				TextEdit edit = new TextEdit(range(doc, fix.offset(), fix.length()), fix.text());
				a.setEdit(new WorkspaceEdit(Map.of(options.getURI(), List.of(edit))));
				out.add(Either.forRight(a));
			}
		}
		return out;
	}

	private static String message(Diagnostic d) {
		return d.getMessage() == null ? null : d.getMessage().isLeft() ? d.getMessage().getLeft()
				: d.getMessage().getRight().getValue();
	}

	static org.eclipse.lsp4j.Range range(Document doc, int offset, int length) {
		return new org.eclipse.lsp4j.Range(doc.getPosition(offset), doc.getPosition(offset + length));
	}
}
