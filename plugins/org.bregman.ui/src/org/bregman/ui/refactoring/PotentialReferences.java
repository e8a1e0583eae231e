package org.bregman.ui.refactoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The uses of a potential, parameter or coordinate in every .potential file of the workspace (their
 * current text: an open editor's buffer, else the file), all parsed into one resource set so that
 * {@code import}s resolve to the same objects. Used by Find References and Rename.
 */
public final class PotentialReferences {

	/** A range of a workspace file: the declaration's name or one use of it. */
	public record Location(IFile file, int offset, int length, int line, String lineText) {
	}

	/** What the caret stands on: a declaration or a use of one, named in its file. */
	public record Target(URI uri, String name, String kind) {
	}

	private final XtextResourceSet resources;
	private final List<IFile> files = new ArrayList<>();

	private PotentialReferences() {
		resources = PotentialLanguage.injector().getInstance(XtextResourceSet.class);
	}

	/** Parses every .potential file of the workspace. */
	public static PotentialReferences ofWorkspace() throws CoreException {
		PotentialReferences refs = new PotentialReferences();
		ResourcesPlugin.getWorkspace().getRoot().accept((org.eclipse.core.resources.IResourceVisitor) r -> {
			if (r instanceof IFile f && "potential".equals(f.getFileExtension()) && f.getLocation() != null)
				refs.files.add(f);
			return true;
		}, IResource.DEPTH_INFINITE, IResource.NONE);
		for (IFile f : refs.files)
			refs.load(f);
		EcoreUtil.resolveAll(refs.resources);
		return refs;
	}

	/** The current text of a workspace file: its open buffer's, else the file's. */
	public static String textOf(IFile f) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(),
				LocationKind.IFILE);
		if (buffer != null)
			return buffer.getDocument().get();
		try (var in = f.getContents()) {
			return new String(in.readAllBytes(), f.getCharset());
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot read " + f.getFullPath(), e));
		}
	}

	private static URI uriOf(IFile f) {
		return URI.createFileURI(f.getLocation().toOSString());
	}

	private void load(IFile f) throws CoreException {
		URI uri = uriOf(f);
		Resource existing = resources.getResource(uri, false);
		if (existing != null)
			resources.getResources().remove(existing);
		XtextResource r = (XtextResource) PotentialLanguage.injector().getInstance(IResourceFactory.class)
				.createResource(uri);
		resources.getResources().add(r);
		try {
			r.load(new ByteArrayInputStream(textOf(f).getBytes(StandardCharsets.UTF_8)), resources.getLoadOptions());
		} catch (IOException e) {
			BregmanUi.log("cannot parse " + f.getFullPath(), e);
		}
	}

	/** The declaration at {@code offset} of {@code file} (its name or a use of it), or null. */
	public Target targetAt(IFile file, int offset) {
		Resource r = resources.getResource(uriOf(file), false);
		if (!(r instanceof XtextResource xr))
			return null;
		EObject o = new EObjectAtOffsetHelper().resolveElementAt(xr, offset);
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

	/** The range of the declaration's name, or null if it is not in the workspace. */
	public Location declaration(Target target) {
		EObject o = resources.getEObject(target.uri(), false);
		if (o == null)
			return null;
		return NodeModelUtils.findNodesForFeature(o, nameFeature(o)).stream().findFirst()
				.map(n -> location(o.eResource(), n)).orElse(null);
	}

	/** Every use of the target in the workspace, file by file in text order. */
	public List<Location> uses(Target target) {
		List<Location> out = new ArrayList<>();
		for (Resource r : resources.getResources()) {
			if (fileOf(r) == null)
				continue;
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

	private IFile fileOf(Resource r) {
		for (IFile f : files)
			if (uriOf(f).equals(r.getURI()))
				return f;
		return null;
	}

	private Location location(Resource r, INode n) {
		IFile f = fileOf(r);
		if (f == null)
			return null;
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
		return new Location(f, name.getOffset(), name.getLength(), name.getStartLine(), line);
	}
}
