package org.bregman.potential.ide.formatting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * The language's formatter, used by {@code bregman format}, the language server and the Eclipse editor.
 * It works on the lexer's tokens, so it keeps every comment and also formats text that does not parse,
 * and it changes whitespace only: four spaces per brace level (one more on a continuation line), one
 * space around binary operators and after commas, none inside parentheses, around {@code ^} or inside
 * {@code |…|}, experiment settings aligned in one column, at most one blank line, one final newline. A
 * line break the user wrote stays. The result is lexed again: if its tokens differ from the input's
 * (which would change the parse), the input is returned unchanged.
 */
public class PotentialFormatter {

	/** Indentation of one level. */
	public static final String INDENT = "    ";
	/** Experiment settings: the value starts at this column after the indentation ({@code "mirrors "}). */
	static final int SETTING_COLUMN = 8;

	static final Set<String> SETTINGS = Set.of("data", "model", "loss", "mirrors", "optimizers", "init", "lr", "batch", "until",
			"report");
	static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "^", "=", "<", "<=", ">", ">=", "==", "!=",
			"and", "or");
	static final Set<String> DEFINITION_KINDS = Set.of("psi", "grad", "inverse");

	/** Marks a definition's {@code =} until the definitions are aligned (text with it is left alone). */
	static final char ALIGN = '\u0000';

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexerProvider;

	@Inject
	private ITokenDefProvider tokenDefProvider;

	/** A token: its kind ({@code 'psi'} for a keyword, {@code RULE_ID} …) and its text. */
	record Tok(String kind, String text) {
		boolean isKeyword(String k) {
			return kind.equals("'" + k + "'");
		}

		String keyword() {
			return kind.startsWith("'") ? kind.substring(1, kind.length() - 1) : null;
		}

		boolean isWs() {
			return kind.equals("RULE_WS");
		}

		boolean isComment() {
			return kind.equals("RULE_SL_COMMENT") || kind.equals("RULE_ML_COMMENT");
		}

		/** Ends an operand: a binary operator may follow. */
		boolean endsOperand() {
			return kind.equals("RULE_ID") || kind.equals("RULE_NUMBER") || kind.equals("RULE_STRING")
					|| isKeyword(")") || isKeyword("pi") || isKeyword("e");
		}
	}

	/** The formatted text (the input itself if formatting could change its tokens). */
	public String format(String text) {
		List<Tok> tokens = lex(text);
		StringBuilder joined = new StringBuilder();
		tokens.forEach(t -> joined.append(t.text()));
		if (!joined.toString().equals(text) || text.indexOf(ALIGN) >= 0)
			return text; // the lexer skipped something: leave such a text alone
		String out = new Layout(tokens).run();
		return significant(lex(out)).equals(significant(tokens)) ? out : text;
	}

	/** Whether {@code text} is formatted. */
	public boolean isFormatted(String text) {
		return format(text).equals(text);
	}

	List<Tok> lex(String text) {
		Map<Integer, String> defs = tokenDefProvider.getTokenDefMap();
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		List<Tok> out = new ArrayList<>();
		for (Token t = lexer.nextToken(); t != null && t.getType() != Token.EOF; t = lexer.nextToken()) {
			String kind = defs.get(t.getType());
			out.add(new Tok(kind == null ? "?" + t.getType() : kind, t.getText()));
		}
		return out;
	}

	private static List<Tok> significant(List<Tok> tokens) {
		return tokens.stream().filter(t -> !t.isWs() && !t.isComment()).toList();
	}

	/** One pass over the tokens, writing the formatted text. */
	private static final class Layout {
		private final List<Tok> tokens;
		private final StringBuilder out = new StringBuilder();
		/** What each open brace belongs to: true for an experiment's body. */
		private final Deque<Boolean> braces = new ArrayDeque<>();
		private int parens;
		private int abs;
		private boolean experimentPending;
		private Tok prev; // previous non-whitespace token
		private Tok prevCode; // previous token that is not whitespace or a comment
		private boolean prevUnary;
		private boolean prevOpenAbs;
		private boolean lineStartSetting;
		private boolean lastCloseAbs;
		private boolean lineStartDefinition;

		Layout(List<Tok> tokens) {
			this.tokens = tokens;
		}

		String run() {
			int newlines = 0;
			String gap = "";
			for (Tok t : tokens) {
				if (t.isWs()) {
					newlines += count(t.text(), '\n');
					gap += t.text();
					continue;
				}
				String text = t.text();
				int trailingNewlines = 0;
				if (t.kind().equals("RULE_SL_COMMENT")) {
					trailingNewlines = count(text, '\n');
					text = text.stripTrailing();
				}
				emit(t, text, newlines, gap);
				newlines = trailingNewlines;
				gap = "";
			}
			String s = alignDefinitions(out.toString().stripTrailing());
			return s.isEmpty() ? "" : s + "\n";
		}

		private void emit(Tok t, String text, int newlines, String gap) {
			boolean unary = false, openAbs = false, closeAbs = false;
			if (t.isKeyword("-") || t.isKeyword("+"))
				unary = prevCode == null || !(prevCode.endsOperand() || lastCloseAbs);
			if (t.isKeyword("|")) {
				closeAbs = abs > 0 && prevCode != null && (prevCode.endsOperand() || lastCloseAbs);
				openAbs = !closeAbs;
			}
			if (prev == null) {
				// start of the file: no leading blank lines
			} else if (newlines > 0) {
				out.append("\n".repeat(Math.min(newlines, 2)));
				out.append(indent(t));
				lineStartSetting = false;
			} else {
				out.append(separator(t, gap, unary, closeAbs));
			}
			boolean atLineStart = prev == null || newlines > 0;
			if (t.kind().equals("RULE_ML_COMMENT"))
				text = reindentComment(text, atLineStart ? indent(t) : "");
			out.append(text);
			if (atLineStart)
				lineStartDefinition = DEFINITION_KINDS.contains(String.valueOf(t.keyword()));
			boolean setting = atLineStart && Boolean.TRUE.equals(braces.peek()) && t.keyword() != null
					&& SETTINGS.contains(t.keyword());
			track(t, closeAbs, openAbs);
			if (!t.isComment()) {
				prevCode = t;
				prevUnary = unary;
				prevOpenAbs = openAbs;
				lastCloseAbs = closeAbs;
			}
			lineStartSetting = setting;
			prev = t;
		}


		private void track(Tok t, boolean closeAbs, boolean openAbs) {
			if (t.isKeyword("experiment"))
				experimentPending = true;
			else if (t.isKeyword("{")) {
				braces.push(experimentPending && braces.isEmpty());
				experimentPending = false;
			} else if (t.isKeyword("}")) {
				if (!braces.isEmpty())
					braces.pop();
			} else if (t.isKeyword("("))
				parens++;
			else if (t.isKeyword(")"))
				parens = Math.max(0, parens - 1);
			else if (openAbs)
				abs++;
			else if (closeAbs)
				abs--;
		}

		private String indent(Tok t) {
			int level = braces.size() - (t.isKeyword("}") ? 1 : 0);
			boolean continuation = parens > 0 || abs > 0 || (prevCode != null && !t.isComment()
					&& (OPERATORS.contains(String.valueOf(prevCode.keyword())) || prevCode.isKeyword(",")
							|| isBinaryAtLineStart(t)));
			if (continuation && !t.isKeyword("}"))
				level++;
			return INDENT.repeat(Math.max(0, level));
		}

		private boolean isBinaryAtLineStart(Tok t) {
			String k = t.keyword();
			return k != null && OPERATORS.contains(k) && (prevCode.endsOperand() || lastCloseAbs);
		}

		private String separator(Tok t, String gap, boolean unary, boolean closeAbs) {
			if (t.isComment())
				return gap.isEmpty() ? " " : gap;
			if (prev.isComment())
				return " ";
			if (lineStartSetting)
				return " ".repeat(Math.max(1, SETTING_COLUMN - prev.text().length()));
			if (lineStartDefinition && t.isKeyword("=") && prev.isKeyword(")") && parens == 0)
				return String.valueOf(ALIGN);
			String sep = plainSeparator(t, closeAbs);
			if (sep.isEmpty() && wordy(prev.text().charAt(prev.text().length() - 1)) && wordy(t.text().charAt(0)))
				sep = " "; // never glue two words or numbers into one token
			return sep;
		}

		private String plainSeparator(Tok t, boolean closeAbs) {
			String k = String.valueOf(t.keyword());
			String p = String.valueOf(prev.keyword());
			if (k.equals(")") || k.equals(",") || k.equals(";") || k.equals(":"))
				return "";
			if (p.equals("(") || prevUnary || prevOpenAbs || closeAbs)
				return "";
			if (k.equals("^") || p.equals("^") || k.equals(".") || p.equals("."))
				return "";
			if (k.equals("("))
				return prev.kind().equals("RULE_ID") || DEFINITION_KINDS.contains(p) ? "" : " ";
			if (k.equals("}") && p.equals("{"))
				return "";
			return " ";
		}

		private static boolean wordy(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}

		/**
		 * The {@code =} of consecutive definition lines ({@code psi(w)}, {@code grad(w)} …) in one column;
		 * {@link #ALIGN} marks where each line's {@code =} goes.
		 */
		private static String alignDefinitions(String text) {
			String[] lines = text.split("\n", -1);
			for (int i = 0; i < lines.length;) {
				int j = i;
				int width = 0;
				while (j < lines.length && lines[j].indexOf(ALIGN) >= 0)
					width = Math.max(width, lines[j++].indexOf(ALIGN));
				for (int k = i; k < j; k++) {
					int at = lines[k].indexOf(ALIGN);
					lines[k] = lines[k].substring(0, at) + " ".repeat(width - at + 1) + lines[k].substring(at + 1);
				}
				i = Math.max(j, i + 1);
			}
			return String.join("\n", lines);
		}

		private static String reindentComment(String text, String indent) {
			String[] lines = text.split("\n", -1);
			StringBuilder sb = new StringBuilder(lines[0].stripTrailing());
			for (int i = 1; i < lines.length; i++) {
				String line = lines[i].stripTrailing();
				String trimmed = line.stripLeading();
				sb.append('\n').append(trimmed.startsWith("*") ? indent + " " + trimmed : line);
			}
			return sb.toString();
		}

		private static int count(String s, char c) {
			int n = 0;
			for (int i = 0; i < s.length(); i++)
				if (s.charAt(i) == c)
					n++;
			return n;
		}
	}
}
