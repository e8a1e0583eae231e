package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.bregman.ui.editor.PotentialHoverControl;
import org.bregman.ui.editor.PotentialTextHover;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.IInformationControlExtension5;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * The hover of a time-varying or non-separable potential has formulas wider than Eclipse's default hover
 * (100 characters, no wrapping, which cut them off): the .potential hover wraps them and has room for them.
 */
public class HoverWrapTest {

	private static final String TIME_VARYING = """
			/** Hyperbolic entropy at a scale that shrinks with the time t. */
			potential Shrinking(alpha = 0.5 where alpha > 0) {
			    psi(w; t) = w * asinh(w / (alpha^2 * (1 + 1 / (1 + t)))) - sqrt(w^2 + (alpha^2 * (1 + 1 / (1 + t)))^2)
			}
			""";

	@Test
	void aLongLineBreaksAfterACommaAndContinuesIndented() {
		String wrapped = PotentialHoverControl.wrap("short\nD = a + b, c + d, e + f", String::length, 12);
		assertEquals("short\nD = a + b,\n      c + d,\n      e + f", wrapped);
	}

	@Test
	void aWordWiderThanTheHoverStaysWhole() {
		assertEquals("x\nabcdefghijklmnop", PotentialHoverControl.wrap("x\nabcdefghijklmnop", String::length, 5));
	}

	@Test
	void theTimeVaryingDerivationIsWiderThanTheDefaultHoverAndFitsThePotentialHover() {
		String hover = PotentialTextHover.hoverText(new Document(TIME_VARYING), TIME_VARYING.indexOf("Shrinking") + 2);
		assertNotNull(hover);
		int longest = hover.lines().mapToInt(String::length).max().orElse(0);
		assertTrue(longest > 100, "the case this test is about: a line over the default hover's 100 characters\n" + hover);
		Shell shell = TestFiles.page().getWorkbenchWindow().getShell();
		IInformationControl control = new PotentialTextHover().getHoverControlCreator().createInformationControl(shell);
		IInformationControl plain = new DefaultInformationControl(shell, (String) null);
		try {
			assertInstanceOf(PotentialHoverControl.class, control);
			Point room = ((IInformationControlExtension5) control).computeSizeConstraints(100, 12);
			Point plainRoom = ((IInformationControlExtension5) plain).computeSizeConstraints(100, 12);
			Rectangle screen = shell.getMonitor().getClientArea();
			assertTrue(room.y > plainRoom.y || room.y == screen.height * 3 / 4, "more lines: " + room + " vs " + plainRoom);
			assertTrue(room.x <= screen.width * 3 / 5, "leaves room to fit beside the mouse: " + room + " on " + screen);
			control.setSizeConstraints(room.x, room.y);
			control.setInformation(hover);
			Point size = control.computeSizeHint();
			assertTrue(size.x <= room.x, "wrapped to the width: " + size + " within " + room);
		} finally {
			control.dispose();
			plain.dispose();
		}
	}

	@Test
	void insideTheCompositeHoverItKeepsTheDefaultSize() {
		Shell shell = TestFiles.page().getWorkbenchWindow().getShell();
		PotentialHoverControl control = new PotentialHoverControl(shell);
		DefaultInformationControl plain = new DefaultInformationControl(shell, (String) null);
		Shell composite = new Shell(shell);
		try {
			Point alone = control.computeSizeConstraints(100, 12);
			// what the generic editor's CompositeInformationControl does with each part's widgets
			for (Control c : control.getShell().getChildren())
				c.setParent(composite);
			assertEquals(plain.computeSizeConstraints(100, 12), control.computeSizeConstraints(100, 12));
			assertNotEquals(alone, control.computeSizeConstraints(100, 12));
		} finally {
			control.dispose();
			plain.dispose();
			composite.dispose();
		}
	}
}
