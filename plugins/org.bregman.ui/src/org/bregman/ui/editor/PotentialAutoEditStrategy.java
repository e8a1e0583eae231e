package org.bregman.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Typing aids: Enter keeps the line's indentation and indents one level after {@code {} (a {@code }} right
 * after the caret goes to its own line); {@code }} typed on an empty line goes back one level; ( { | and "
 * are closed as they are typed, and typing the closing character over an inserted one steps over it.
 * Nothing is closed inside a comment or a string.
 */
public class PotentialAutoEditStrategy implements IAutoEditStrategy {
	/** One level of indentation, as the formatter writes it. */
	static final String INDENT = "    ";

	@Override
	public void customizeDocumentCommand(IDocument d, DocumentCommand c) {
		if (c.length != 0 || c.text == null)
			return;
		try {
			if (TextUtilities.endsWith(d.getLegalLineDelimiters(), c.text) != -1 && c.text.strip().isEmpty())
				newLine(d, c);
			else if (c.text.length() == 1)
				typed(d, c, c.text.charAt(0));
		} catch (BadLocationException e) {
			// leave the command as typed
		}
	}

	private static void newLine(IDocument d, DocumentCommand c) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(c.offset);
		String before = d.get(line.getOffset(), c.offset - line.getOffset());
		String indent = leadingBlanks(before);
		String after = d.get(c.offset, line.getOffset() + line.getLength() - c.offset);
		if (before.stripTrailing().endsWith("{")) {
			c.text = c.text + indent + INDENT;
			if (after.stripLeading().startsWith("}")) {
				// {|} → the caret on an indented line, } below at the brace's indentation
				c.caretOffset = c.offset + c.text.length();
				c.shiftsCaret = false;
				c.text = c.text + TextUtilities.getDefaultLineDelimiter(d) + indent;
			}
		} else
			c.text = c.text + indent;
	}

	private static void typed(IDocument d, DocumentCommand c, char ch) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(c.offset);
		String before = d.get(line.getOffset(), c.offset - line.getOffset());
		char next = c.offset < d.getLength() ? d.getChar(c.offset) : '\0';
		if ((ch == ')' || ch == '}' || ch == '|' || ch == '"') && next == ch && closedByUs(before, ch)) {
			// step over the closing character that was inserted with its opening one
			c.text = "";
			c.caretOffset = c.offset + 1;
			c.shiftsCaret = false;
			return;
		}
		if (inCommentOrString(before))
			return;
		if (ch == '}' && before.isBlank() && before.length() >= INDENT.length()) {
			c.offset = line.getOffset();
			c.length = before.length();
			c.text = before.substring(INDENT.length()) + "}";
			return;
		}
		String close = switch (ch) {
		case '(' -> ")";
		case '{' -> "}";
		case '"' -> "\"";
		// |w| : a bar opens an absolute value unless it closes one (an odd number of bars before)
		case '|' -> count(before, '|') % 2 == 0 ? "|" : null;
		default -> null;
		};
		if (close == null || !(Character.isWhitespace(next) || next == '\0' || ")}|,".indexOf(next) >= 0))
			return;
		c.text = ch + close;
		c.caretOffset = c.offset + 1;
		c.shiftsCaret = false;
	}

	/** Whether the closing character at the caret pairs with an opening one typed before it on the line. */
	private static boolean closedByUs(String before, char ch) {
		return switch (ch) {
		case ')' -> count(before, '(') > count(before, ')');
		case '}' -> count(before, '{') > count(before, '}');
		default -> count(before, ch) % 2 == 1;
		};
	}

	private static boolean inCommentOrString(String before) {
		boolean string = false;
		for (int i = 0; i < before.length(); i++) {
			char ch = before.charAt(i);
			if (ch == '"')
				string = !string;
			else if (!string && ch == '/' && i + 1 < before.length() && before.charAt(i + 1) == '/')
				return true;
		}
		return string;
	}

	private static int count(String s, char ch) {
		return (int) s.chars().filter(x -> x == ch).count();
	}

	private static String leadingBlanks(String s) {
		int i = 0;
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t'))
			i++;
		return s.substring(0, i);
	}
}
