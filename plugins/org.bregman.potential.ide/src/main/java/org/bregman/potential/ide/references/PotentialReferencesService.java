package org.bregman.potential.ide.references;

import java.util.List;

import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/** The language server's references: {@link NameReferences}, as Eclipse's Find References. */
public class PotentialReferencesService extends DocumentSymbolService {

	@Override
	public List<? extends Location> getReferences(Document document, XtextResource resource, ReferenceParams params,
			IReferenceFinder.IResourceAccess resourceAccess, IResourceDescriptions indexData,
			CancelIndicator cancelIndicator) {
		NameReferences.Target target = NameReferences.targetAt(resource, document.getOffSet(params.getPosition()));
		if (target == null)
			return List.of();
		NameReferences refs = WorkspaceNameReferences.of(resource.getResourceSet(), indexData, cancelIndicator);
		boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
		return (withDeclaration ? refs.declarationAndUses(target) : refs.uses(target)).stream()
				.map(l -> new Location(WorkspaceNameReferences.uri(l), WorkspaceNameReferences.range(l))).toList();
	}
}
