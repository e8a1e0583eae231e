package org.bregman.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Injector;

/**
 * Content assist from the language's ide services: keywords allowed at the caret (from the grammar),
 * potentials in scope, parameters and the coordinate (from scoping), functions and the built-in names
 * of experiments (from {@code PotentialIdeContentProposalProvider}).
 */
public class PotentialContentAssistProcessor implements IContentAssistProcessor {
	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "Potential content assist");
		t.setDaemon(true);
		return t;
	});

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		try {
			List<ContentAssistEntry> entries = entries(viewer.getDocument(), offset);
			List<ICompletionProposal> out = new ArrayList<>();
			for (ContentAssistEntry e : entries) {
				String prefix = e.getPrefix() == null ? "" : e.getPrefix();
				String text = e.getProposal();
				String label = e.getLabel() != null ? e.getLabel() : text;
				if (e.getDescription() != null && !e.getDescription().isEmpty())
					label += " — " + e.getDescription();
				out.add(new CompletionProposal(text, offset - prefix.length(), prefix.length(), text.length(),
						org.bregman.ui.Icons.get(iconOf(e)), label, null, e.getDocumentation()));
			}
			return out.toArray(ICompletionProposal[]::new);
		} catch (RuntimeException ex) {
			BregmanUi.log("content assist failed", ex);
			return new ICompletionProposal[0];
		}
	}

	/** The icon of a proposal: potentials and parameters have theirs. */
	static String iconOf(ContentAssistEntry e) {
		if ("potential".equals(e.getDescription()))
			return org.bregman.ui.Icons.POTENTIAL;
		return "parameter".equals(e.getDescription()) ? org.bregman.ui.Icons.PARAMETER : null;
	}

	/** The proposals at {@code offset}, in the provider's order (public for tests). */
	public static List<ContentAssistEntry> entries(org.eclipse.jface.text.IDocument document, int offset) {
		Injector inj = PotentialLanguage.injector();
		return PotentialDocuments.read(document, parsed -> {
			ContentAssistContextFactory factory = inj.getInstance(ContentAssistContextFactory.class);
			factory.setPool(POOL);
			ContentAssistContext[] contexts = factory.create(parsed.text, new TextRegion(offset, 0), offset,
					parsed.resource);
			IdeContentProposalAcceptor acceptor = inj.getInstance(IdeContentProposalAcceptor.class);
			inj.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
			List<ContentAssistEntry> out = new ArrayList<>();
			acceptor.getEntries().forEach(out::add);
			return out;
		});
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		// proposals on Ctrl+Space only: a popup after every ( got in the way of typing formulas
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
