package org.bregman.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

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
 * One parse per document version, shared by semantic highlighting and validation (background) and by
 * folding, content assist, hover and outline; see {@link #read}.
 */
public final class PotentialDocuments {
	private PotentialDocuments() {
	}

	/** A parse of one version of a document: use it only inside {@link PotentialDocuments#read}. */
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

	/** The parse of a document, kept up to date edit by edit; its monitor guards the resource. */
	private static final class Slot {
		Parsed parsed;
	}

	private static final Map<IDocument, Slot> CACHE = new WeakHashMap<>();

	/**
	 * Runs {@code body} on the parse of the document's current text, holding the document's parse lock (so
	 * the resource is neither re-parsed nor resolved by another thread meanwhile). The first caller after
	 * an edit (highlighting, validation, folding, assist, hover or outline) brings the parse up to date, the
	 * others reuse it. An edit is applied to the previous parse with Xtext's partial parser, which
	 * re-parses only the smallest enclosing rule; a full parse is the fallback.
	 */
	public static <T> T read(IDocument document, Function<Parsed, T> body) {
		Slot slot;
		synchronized (CACHE) {
			slot = CACHE.computeIfAbsent(document, d -> new Slot());
		}
		synchronized (slot) {
			return body.apply(upToDate(slot, document));
		}
	}

	private static Parsed upToDate(Slot slot, IDocument document) {
		long stamp = document instanceof IDocumentExtension4 d4 ? d4.getModificationStamp() : -1;
		String text = document.get();
		Parsed p = slot.parsed;
		if (p != null && p.text.equals(text))
			return p;
		if (p != null && p.resource.getParseResult() != null) {
			XtextResource r = p.resource;
			String old = p.text;
			int max = Math.min(old.length(), text.length());
			int prefix = 0;
			while (prefix < max && old.charAt(prefix) == text.charAt(prefix))
				prefix++;
			int suffix = 0;
			while (suffix < max - prefix && old.charAt(old.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix))
				suffix++;
			try {
				r.update(prefix, old.length() - suffix - prefix, text.substring(prefix, text.length() - suffix));
				if (r.getParseResult() != null && text.equals(r.getParseResult().getRootNode().getText())) {
					slot.parsed = new Parsed(stamp, text, r);
					return slot.parsed;
				}
			} catch (RuntimeException e) {
				// a partial parse the helper could not do: parse the whole text below
			}
		}
		slot.parsed = new Parsed(stamp, text, PotentialLanguage.parse(text, uriOf(document)));
		return slot.parsed;
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
