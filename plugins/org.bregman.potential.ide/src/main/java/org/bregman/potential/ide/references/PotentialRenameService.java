package org.bregman.potential.ide.references;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;

import com.google.inject.Inject;

/**
 * The language server's rename: the declaration and every use from {@link NameReferences}, with the
 * new name checked as Eclipse's rename refactoring checks it.
 */
public class PotentialRenameService implements IRenameService2 {

	@Inject
	private IGrammarAccess grammar;
	@Inject
	private ResourceDescriptionsProvider descriptions;

	@Override
	public WorkspaceEdit rename(Options options) {
		var params = options.getRenameParams();
		String newName = params.getNewName() == null ? "" : params.getNewName().strip();
		String problem = NameReferences.problemWithNewName(newName, grammar);
		if (problem != null)
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, problem, null));
		String uri = params.getTextDocument().getUri();
		var access = options.getLanguageServerAccess();
		return access.doSyncRead(uri, ctx -> {
			// a resource set of its own with the open documents' text, as Xtext's rename uses
			ResourceSet resources = access.newLiveScopeResourceSet(ctx.getResource().getURI());
			if (!(resources.getResource(ctx.getResource().getURI(), true) instanceof XtextResource resource))
				return new WorkspaceEdit();
			var target = NameReferences.targetAt(resource, ctx.getDocument().getOffSet(params.getPosition()));
			if (target == null)
				return new WorkspaceEdit();
			var index = descriptions.getResourceDescriptions(resources);
			Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
			for (var l : WorkspaceNameReferences.of(resources, index, options.getCancelIndicator())
					.declarationAndUses(target))
				changes.computeIfAbsent(WorkspaceNameReferences.uri(l), u -> new ArrayList<>())
						.add(new TextEdit(WorkspaceNameReferences.range(l), newName));
			return new WorkspaceEdit(changes);
		});
	}

	@Override
	public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(
			PrepareRenameOptions options) {
		String uri = options.getParams().getTextDocument().getUri();
		return options.getLanguageServerAccess().doSyncRead(uri, ctx -> {
			if (!(ctx.getResource() instanceof XtextResource resource))
				return null;
			int offset = ctx.getDocument().getOffSet(options.getParams().getPosition());
			var target = NameReferences.targetAt(resource, offset);
			return target == null ? null : Either3.forThird(new PrepareRenameDefaultBehavior(true));
		});
	}
}
