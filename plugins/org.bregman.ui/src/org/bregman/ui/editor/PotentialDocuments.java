package org.bregman.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;

import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.xtext.resource.XtextResource;

/**
 * One parse per document version, shared by semantic highlighting and validation (background) and
 * by folding, content assist, hover and outline. Callers synchronize on the returned {@link Parsed} while they use its resource:
 * resolving references mutates it.
 */
public final class PotentialDocuments {
	private PotentialDocuments() {
	}

	/** A parse of one version of a document. */
	public static final class Parsed {
		public final long stamp;
		public final String text;
		public final XtextResource resource;

		Parsed(long stamp, String text, XtextResource resource) {
			this.stamp = stamp;
			this.text = text;
			this.resource = resource;
		}
	}

	/** The latest parse of a document; its monitor serialises parsing, so one version is parsed once. */
	private static final class Slot {
		Parsed parsed;
	}

	private static final Map<IDocument, Slot> CACHE = new WeakHashMap<>();

	/**
	 * The parse of the document's current text: computed by the first caller (highlighting, validation,
	 * folding, assist, hover or outline, whichever comes first after an edit), reused by the others.
	 */
	public static Parsed get(IDocument document) {
		Slot slot;
		synchronized (CACHE) {
			slot = CACHE.computeIfAbsent(document, d -> new Slot());
		}
		synchronized (slot) {
			long stamp = document instanceof IDocumentExtension4 d4 ? d4.getModificationStamp() : -1;
			String text = document.get();
			Parsed p = slot.parsed;
			if (p != null && p.stamp == stamp && p.text.equals(text))
				return p;
			p = new Parsed(stamp, text, PotentialLanguage.parse(text, uriOf(document)));
			slot.parsed = p;
			return p;
		}
	}

	/** The workspace file a document is the buffer of, or null. */
	public static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null)
			return null;
		IPath path = buffer.getLocation();
		if (path == null || path.segmentCount() < 2)
			return null;
		IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(path);
		return f.exists() ? f : null;
	}

	/** A file URI next to the document's file (so imports resolve), else a scratch URI. */
	public static URI uriOf(IDocument document) {
		IFile f = fileOf(document);
		if (f != null && f.getLocation() != null)
			return URI.createFileURI(f.getLocation().toOSString());
		return PotentialLanguage.scratchUri();
	}
}
