package org.bregman.ui.editor;

import java.util.function.ToIntFunction;

import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.graphics.Drawable;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * The hover of a .potential editor: a derivation runs to 15–20 lines, some of them formulas of 150 characters
 * and more (D_ψ of a time-varying ψ, the inverse of a non-separable one), which the editor's default hover
 * (100 × 12 characters, no wrapping) cut off at its right edge. This one has room for 40 lines of up to 140
 * characters (within the monitor) and wraps a line that is still too wide after a comma or a space, continuing it
 * indented.
 */
public class PotentialHoverControl extends DefaultInformationControl {

	/** Lines and characters the hover may take before it wraps (the monitor's size caps both). */
	static final int WIDTH_CHARS = 140, HEIGHT_LINES = 40;

	/** What continues a wrapped line. */
	static final String CONTINUATION = "      ";

	public PotentialHoverControl(Shell parent) {
		super(parent, (String) null, new Wrapping());
	}

	/** Where this control's widgets are: its shell's, unless the generic editor's composite hover took them. */
	private Composite content;

	@Override
	protected void createContent(Composite parent) {
		content = parent;
		super.createContent(parent);
	}

	/**
	 * {@link #WIDTH_CHARS} × {@link #HEIGHT_LINES}, but no more than 3/5 of the monitor's width and 3/4 of its height;
	 * the default inside the generic editor's composite hover (a marker's message and this text), which moves this
	 * control's widgets into its own shell and sizes every part by the sum of the parts' constraints.
	 */
	@Override
	public Point computeSizeConstraints(int widthInChars, int heightInChars) {
		if (content != null && content.getShell() != getShell())
			return super.computeSizeConstraints(widthInChars, heightInChars);
		Point room = super.computeSizeConstraints(Math.max(widthInChars, WIDTH_CHARS), Math.max(heightInChars, HEIGHT_LINES));
		// a hover as wide as the monitor cannot be moved to fit beside the mouse and was cut off at its right edge
		Rectangle screen = getShell().getMonitor().getClientArea();
		return new Point(Math.min(room.x, screen.width * 3 / 5), Math.min(room.y, screen.height * 3 / 4));
	}

	/** Wraps each line wider than the hover at the text's own font. */
	private static final class Wrapping implements DefaultInformationControl.IInformationPresenter,
			DefaultInformationControl.IInformationPresenterExtension {

		@Override
		public String updatePresentation(Drawable drawable, String hoverInfo, TextPresentation presentation, int maxWidth, int maxHeight) {
			if (hoverInfo == null || maxWidth <= 0)
				return hoverInfo;
			GC gc = new GC(drawable);
			try {
				if (drawable instanceof Control c)
					gc.setFont(c.getFont());
				return wrap(hoverInfo, s -> gc.textExtent(s).x, maxWidth);
			} finally {
				gc.dispose();
			}
		}

		@Override
		@Deprecated
		public String updatePresentation(org.eclipse.swt.widgets.Display display, String hoverInfo, TextPresentation presentation,
				int maxWidth, int maxHeight) {
			return hoverInfo;
		}
	}

	/**
	 * {@code text} with every line wider than {@code maxWidth} (as {@code width} measures it) broken after its last
	 * {@code ", "} or space that fits ({@link #lastBreak}), the rest continued on lines that start with {@link #CONTINUATION}; a word
	 * wider than the hover stays whole.
	 */
	public static String wrap(String text, ToIntFunction<String> width, int maxWidth) {
		StringBuilder out = new StringBuilder();
		String[] lines = text.split("\n", -1);
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n];
			String prefix = "";
			while (width.applyAsInt(prefix + line) > maxWidth) {
				int cut = lastBreak(prefix, line, width, maxWidth);
				if (cut <= 0)
					break;
				out.append(prefix).append(line.substring(0, cut).stripTrailing()).append('\n');
				line = line.substring(cut).stripLeading();
				prefix = CONTINUATION;
			}
			out.append(prefix).append(line);
			if (n < lines.length - 1)
				out.append('\n');
		}
		return out.toString();
	}

	/**
	 * Where to break {@code line}: after the last {@code ", "} that fits when that keeps at least half the width,
	 * else after the last space that fits; -1 when no space fits.
	 */
	private static int lastBreak(String prefix, String line, ToIntFunction<String> width, int maxWidth) {
		int space = -1, comma = -1;
		for (int i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', i + 1)) {
			if (i == 0)
				continue; // an indented line: not before its first word
			String head = prefix + line.substring(0, i);
			if (width.applyAsInt(head) > maxWidth)
				break;
			space = i + 1;
			if (line.charAt(i - 1) == ',' && width.applyAsInt(head) >= maxWidth / 2)
				comma = i + 1;
		}
		return comma > 0 ? comma : space;
	}
}
