package org.bregman.potential.ide.references;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The declaration and every use of a potential, parameter or coordinate in the .potential files of a
 * resource set that holds the whole workspace (so that {@code import}s resolve to the same objects).
 * One implementation for the Eclipse editor's Find References and Rename and the language server's
 * references and rename.
 */
public final class NameReferences {

	/** A range of a file: the declaration's name or one use of it; line 1-based, column 0-based. */
	public record Location(URI uri, int offset, int length, int line, int column, String lineText) {
	}

	/** What the caret stands on: a declaration or a use of one, named in its file. */
	public record Target(URI uri, String name, String kind) {
	}

	private final ResourceSet resources;

	/** Over {@code resources}, which holds every file to search, loaded. */
	public NameReferences(ResourceSet resources) {
		this.resources = resources;
	}

	/** The declaration at {@code offset} of {@code resource} (its name or a use of it), or null. */
	public static Target targetAt(XtextResource resource, int offset) {
		EObject o = new EObjectAtOffsetHelper().resolveElementAt(resource, offset);
		if (o == null || o.eIsProxy() || nameFeature(o) == null || !renamable(o))
			return null;
		return new Target(EcoreUtil.getURI(o), (String) o.eGet(nameFeature(o)), o.eClass().getName());
	}

	/** Potentials, their parameters and coordinates: what uses refer to. */
	private static boolean renamable(EObject o) {
		String kind = o.eClass().getName();
		return kind.equals("PotentialDef") || kind.equals("Parameter") || kind.equals("Coordinate");
	}

	private static EStructuralFeature nameFeature(EObject o) {
		EStructuralFeature f = o.eClass().getEStructuralFeature("name");
		return f != null && f.getEType().getInstanceClass() == String.class ? f : null;
	}

	/** The range of the declaration's name, or null if it is not in the resource set. */
	public Location declaration(Target target) {
		EObject o = resources.getEObject(target.uri(), false);
		if (o == null)
			return null;
		return NodeModelUtils.findNodesForFeature(o, nameFeature(o)).stream().findFirst()
				.map(n -> location(o.eResource(), n)).orElse(null);
	}

	/** Every use of the target, file by file in text order. */
	public List<Location> uses(Target target) {
		List<Location> out = new ArrayList<>();
		for (Resource r : List.copyOf(resources.getResources())) {
			for (var it = r.getAllContents(); it.hasNext();) {
				EObject o = it.next();
				for (EReference ref : o.eClass().getEAllReferences()) {
					if (ref.isContainment() || ref.isContainer() || ref.isDerived() || ref.isMany() || !o.eIsSet(ref))
						continue;
					EObject to = (EObject) o.eGet(ref, false);
					if (to.eIsProxy())
						to = EcoreUtil.resolve(to, o);
					if (target.uri().equals(EcoreUtil.getURI(to)))
						for (INode n : NodeModelUtils.findNodesForFeature(o, ref))
							out.add(location(r, n));
				}
			}
		}
		return out;
	}

	/** The declaration (when in the resource set) and every use: what a rename replaces. */
	public List<Location> declarationAndUses(Target target) {
		List<Location> all = new ArrayList<>();
		Location d = declaration(target);
		if (d != null)
			all.add(d);
		all.addAll(uses(target));
		return all;
	}

	/** Why {@code name} cannot be the new name of a declaration, or null. */
	public static String problemWithNewName(String name, IGrammarAccess grammar) {
		if (name.isEmpty())
			return "Enter a new name";
		if (!name.matches("[a-zA-Z_\u0391-\u03A9\u03B1-\u03C9][a-zA-Z_0-9\u0391-\u03A9\u03B1-\u03C9]*"))
			return "'" + name + "' is not a name: a letter or _, then letters, digits or _";
		Set<String> keywords = GrammarUtil.getAllKeywords(grammar.getGrammar());
		if (keywords.contains(name))
			return "'" + name + "' is a keyword of the language";
		return null;
	}

	private static Location location(Resource r, INode n) {
		// a cross-reference's node may carry hidden tokens before the name
		INode name = n;
		for (var leaf : n.getLeafNodes())
			if (!leaf.isHidden()) {
				name = leaf;
				break;
			}
		String text = n.getRootNode().getText();
		int lineStart = text.lastIndexOf('\n', name.getOffset() - 1) + 1;
		int lineEnd = text.indexOf('\n', name.getOffset());
		String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
		return new Location(r.getURI(), name.getOffset(), name.getLength(), name.getStartLine(),
				name.getOffset() - lineStart, line);
	}
}
