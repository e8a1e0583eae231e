package org.bregman.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * The language's own Xtext services (runtime + ide modules) inside Eclipse: one Guice injector for the
 * whole IDE, parsing of editor text and validation with the very validator the command line uses.
 */
public final class PotentialLanguage {
	private static volatile Injector injector;

	private PotentialLanguage() {
	}

	public static Injector injector() {
		Injector i = injector;
		if (i == null) {
			synchronized (PotentialLanguage.class) {
				i = injector;
				if (i == null) {
					i = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
					injector = i;
				}
			}
		}
		return i;
	}

	/**
	 * Parses {@code text} as the content of {@code uri} (a file URI, so that {@code import "x.potential"}
	 * resolves next to it) into a fresh resource set. Never throws for bad input: syntax errors are
	 * in the resource's diagnostics.
	 */
	public static XtextResource parse(String text, URI uri) {
		Injector inj = injector();
		XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) inj.getInstance(IResourceFactory.class).createResource(uri);
		rs.getResources().add(r);
		try {
			r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		} catch (IOException e) {
			// an in-memory stream does not fail; keep the (empty) resource
			BregmanUi.log("cannot parse " + uri, e);
		}
		return r;
	}

	/** All diagnostics of the resource: syntax, linking and the language's checks. */
	public static List<Issue> validate(XtextResource r, CancelIndicator cancel) {
		return injector().getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, cancel);
	}

	/** A URI for documents without a file behind them. */
	public static URI scratchUri() {
		return URI.createURI("inmemory:/scratch.potential");
	}
}
