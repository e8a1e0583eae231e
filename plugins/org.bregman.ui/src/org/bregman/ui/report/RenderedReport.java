package org.bregman.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bregman.ui.BregmanUi;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.browser.IWebBrowser;
import org.eclipse.ui.browser.IWorkbenchBrowserSupport;
import org.eclipse.ui.ide.IDE;

/**
 * An experiment's report shown rendered: {@code summary.md} is rendered to {@code summary.html} next to
 * it (CommonMark with GitHub tables), which opens in Eclipse's internal web browser; an IDE without one
 * (no org.eclipse.ui.browser, or no browser engine) opens the Markdown in the text editor instead.
 */
public final class RenderedReport {
	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
	private static final String STYLE = """
			body { font-family: sans-serif; margin: 1.5em; max-width: 70em; }
			table { border-collapse: collapse; margin: 0.8em 0; }
			th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }
			th { background: #eef; }
			td[align=right] { font-variant-numeric: tabular-nums; }
			code, pre { background: #f4f4f4; }
			""";

	private RenderedReport() {
	}

	/** The HTML page of a Markdown report (a complete document with a title and a style sheet). */
	public static String html(String markdown, String title) {
		Parser parser = Parser.builder().extensions(EXTENSIONS).build();
		// raw HTML in a report is shown as text: the report quotes names from the .potential file
		HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
		String body = renderer.render(parser.parse(markdown));
		return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
				+ STYLE + "</style></head>\n<body>\n" + body + "</body></html>\n";
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** Writes summary.html next to {@code summaryMd} and returns it (refreshed in the workspace). */
	public static IFile render(IFile summaryMd) throws CoreException {
		IFile html = summaryMd.getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("summary.html"));
		Path md = summaryMd.getLocation().toPath();
		try {
			String title = summaryMd.getParent().getName() + " – experiment report";
			Files.writeString(html.getLocation().toPath(), html(Files.readString(md, StandardCharsets.UTF_8), title),
					StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot render " + md + ": " + e.getMessage(), e));
		}
		html.refreshLocal(IResource.DEPTH_ZERO, null);
		return html;
	}

	/** Opens the report rendered (see the class comment); returns the file shown. */
	public static IFile open(IWorkbenchPage page, IFile summaryMd) {
		try {
			IFile html = render(summaryMd);
			IWorkbenchBrowserSupport browsers = PlatformUI.getWorkbench().getBrowserSupport();
			if (browsers.isInternalWebBrowserAvailable()) {
				IWebBrowser b = browsers.createBrowser(IWorkbenchBrowserSupport.AS_EDITOR,
						BregmanUi.PLUGIN_ID + ".report." + html.getFullPath(), summaryMd.getParent().getName(),
						html.getFullPath().toString());
				b.openURL(html.getLocationURI().toURL());
				return html;
			}
		} catch (CoreException | IOException e) {
			BregmanUi.log("cannot show the rendered report of " + summaryMd.getFullPath(), e);
		}
		try {
			IDE.openEditor(page, summaryMd);
		} catch (PartInitException e) {
			BregmanUi.log("cannot open " + summaryMd.getFullPath(), e);
		}
		return summaryMd;
	}
}
