package org.bregman.potential.ide.references;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * {@link NameReferences} for the language server: the workspace is the server's index, every file of it
 * loaded into the live resource set (open documents keep their unsaved text), as Xtext's own reference
 * finder does.
 */
final class WorkspaceNameReferences {

	private WorkspaceNameReferences() {
	}

	/** The references over {@code resources} with every file of {@code index} loaded into it. */
	static NameReferences of(ResourceSet resources, IResourceDescriptions index, CancelIndicator cancel) {
		for (IResourceDescription d : index.getAllResourceDescriptions()) {
			if (cancel.isCanceled())
				break;
			Resource r = resources.getResource(d.getURI(), true);
			if (r != null)
				EcoreUtil.resolveAll(r);
		}
		return new NameReferences(resources);
	}

	/** The LSP range of a location (a name: on one line). */
	static Range range(NameReferences.Location l) {
		return new Range(new Position(l.line() - 1, l.column()), new Position(l.line() - 1, l.column() + l.length()));
	}

	/** The URI of a location in the form the client sent it ({@code file:///…}). */
	static String uri(NameReferences.Location l) {
		return new UriExtensions().toUriString(l.uri());
	}
}
