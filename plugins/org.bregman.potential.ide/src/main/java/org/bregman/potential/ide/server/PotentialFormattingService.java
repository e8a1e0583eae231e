package org.bregman.potential.ide.server;

import java.util.List;

import org.bregman.potential.ide.formatting.PotentialFormatter;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * LSP formatting with {@link PotentialFormatter} (the formatter of {@code bregman format}): one edit
 * replacing the document, or none when it is formatted. A range request formats the whole document (the
 * layout of a line depends on the braces before it).
 */
public class PotentialFormattingService extends FormattingService {

	@Inject
	private PotentialFormatter formatter;

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource,
			DocumentFormattingParams params, CancelIndicator cancel) {
		return edits(document);
	}

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource,
			DocumentRangeFormattingParams params, CancelIndicator cancel) {
		return edits(document);
	}

	private List<TextEdit> edits(Document document) {
		String text = document.getContents();
		String formatted = formatter.format(text);
		if (formatted.equals(text))
			return List.of();
		return List.of(new TextEdit(PotentialCodeActionService.range(document, 0, text.length()), formatted));
	}
}
