package org.bregman.ui.editor;

import java.util.Map;

import org.bregman.potential.ide.highlighting.PotentialHighlightingStyles;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;

/** Colours and font styles of the highlighting style ids. */
public final class PotentialColors {
	private PotentialColors() {
	}

	/** Foreground colour and SWT font style. */
	public record Look(RGB rgb, int fontStyle) {
	}

	public static final Map<String, Look> LOOKS = Map.ofEntries(
			Map.entry(PotentialHighlightingStyles.KEYWORD, new Look(new RGB(127, 0, 85), SWT.BOLD)),
			Map.entry(PotentialHighlightingStyles.NUMBER, new Look(new RGB(9, 134, 88), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.STRING, new Look(new RGB(42, 0, 255), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.COMMENT, new Look(new RGB(63, 127, 95), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.DOC_COMMENT, new Look(new RGB(63, 95, 191), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.FUNCTION, new Look(new RGB(121, 94, 38), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.PARAMETER, new Look(new RGB(0, 0, 192), SWT.NORMAL)),
			Map.entry(PotentialHighlightingStyles.COORDINATE, new Look(new RGB(38, 127, 153), SWT.BOLD)),
			Map.entry(PotentialHighlightingStyles.POTENTIAL, new Look(new RGB(163, 21, 21), SWT.BOLD)),
			Map.entry(PotentialHighlightingStyles.EXPERIMENT, new Look(new RGB(163, 21, 21), SWT.BOLD | SWT.ITALIC)),
			Map.entry(PotentialHighlightingStyles.CONSTANT, new Look(new RGB(9, 134, 88), SWT.ITALIC)),
			Map.entry(PotentialHighlightingStyles.BUILTIN, new Look(new RGB(121, 94, 38), SWT.ITALIC)));
}
