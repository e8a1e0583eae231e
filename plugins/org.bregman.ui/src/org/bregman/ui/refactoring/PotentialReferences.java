package org.bregman.ui.refactoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.ide.references.NameReferences;
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
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The uses of a potential, parameter or coordinate in every .potential file of the workspace (their
 * current text: an open editor's buffer, else the file), all parsed into one resource set so that
 * {@code import}s resolve to the same objects, and searched by {@link NameReferences}, the search the
 * language server's references and rename use too. Used by Find References and Rename.
 */
public final class PotentialReferences {

	/** A range of a workspace file: the declaration's name or one use of it. */
	public record Location(IFile file, int offset, int length, int line, String lineText) {
	}

	/** What the caret stands on: a declaration or a use of one, named in its file. */
	public record Target(URI uri, String name, String kind) {
	}

	private final XtextResourceSet resources;
	private final NameReferences names;
	private final List<IFile> files = new ArrayList<>();

	private PotentialReferences() {
		resources = PotentialLanguage.injector().getInstance(XtextResourceSet.class);
		names = new NameReferences(resources);
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
		NameReferences.Target t = NameReferences.targetAt(xr, offset);
		return t == null ? null : new Target(t.uri(), t.name(), t.kind());
	}

	private static NameReferences.Target shared(Target t) {
		return new NameReferences.Target(t.uri(), t.name(), t.kind());
	}

	/** The range of the declaration's name, or null if it is not in the workspace. */
	public Location declaration(Target target) {
		NameReferences.Location l = names.declaration(shared(target));
		return l == null ? null : location(l);
	}

	/** Every use of the target in the workspace, file by file in text order. */
	public List<Location> uses(Target target) {
		List<Location> out = new ArrayList<>();
		for (NameReferences.Location l : names.uses(shared(target)))
			if (location(l) != null)
				out.add(location(l));
		return out;
	}

	/** The workspace file of a location, or null for a file outside the workspace (reached by an import). */
	private Location location(NameReferences.Location l) {
		for (IFile f : files)
			if (uriOf(f).equals(l.uri()))
				return new Location(f, l.offset(), l.length(), l.line(), l.lineText());
		return null;
	}
}
