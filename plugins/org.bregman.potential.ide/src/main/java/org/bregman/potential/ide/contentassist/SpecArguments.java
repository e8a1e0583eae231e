package org.bregman.potential.ide.contentassist;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.util.AstEval;

/**
 * Where the caret stands inside the brackets of a data source, model, loss, initialisation or update rule
 * ({@code SmoothedSign(eps = 0.1, ^)}), read from the text so that it works while the line does not parse
 * yet: the vocabulary entry, the argument names already written and the argument whose value is being typed.
 */
record SpecArguments(Vocabulary.Entry entry, List<String> written, Vocabulary.Param valueOf) {

	/** The caret's place among the arguments of {@code registry}'s entry whose {@code (} encloses {@code offset}, or null. */
	static SpecArguments at(String text, int offset, org.bregman.potential.experiment.Registry<Vocabulary.Entry> registry) {
		if (registry == null)
			return null;
		int end = Math.min(offset, text.length());
		int open = -1;
		for (int i = end - 1, depth = 0; i >= 0 && text.charAt(i) != '\n'; i--) {
			char c = text.charAt(i);
			if (c == ')')
				depth++;
			else if (c == '(' && depth-- == 0) {
				open = i;
				break;
			}
		}
		if (open < 0)
			return null;
		int nameEnd = open;
		while (nameEnd > 0 && Character.isWhitespace(text.charAt(nameEnd - 1)))
			nameEnd--;
		int nameStart = nameEnd;
		while (nameStart > 0 && Character.isJavaIdentifierPart(text.charAt(nameStart - 1)))
			nameStart--;
		Vocabulary.Entry entry = registry.get(text.substring(nameStart, nameEnd));
		if (entry == null)
			return null;
		String inside = text.substring(open + 1, end);
		List<String> written = new ArrayList<>();
		for (String arg : inside.split(",")) {
			int eq = arg.indexOf('=');
			if (eq > 0)
				written.add(arg.substring(0, eq).strip());
		}
		// the value of "name = ^": the last argument has its '=' and nothing that ends it
		String last = inside.substring(inside.lastIndexOf(',') + 1);
		int eq = last.indexOf('=');
		Vocabulary.Param valueOf = eq > 0 ? entry.param(last.substring(0, eq).strip()) : null;
		return new SpecArguments(entry, written, valueOf);
	}

	/** The named arguments not written yet (a varargs entry's first parameter is positional: mlp(256, 256)). */
	List<Vocabulary.Param> missing() {
		List<Vocabulary.Param> out = new ArrayList<>();
		List<Vocabulary.Param> params = entry.params();
		for (int i = entry.varargs() ? 1 : 0; i < params.size(); i++)
			if (!written.contains(params.get(i).name()))
				out.add(params.get(i));
		return out;
	}

	/** {@code eps = 0.1} (its default), {@code activation = relu|linear}, or {@code c = } for a required one. */
	static String label(Vocabulary.Param p) {
		if (p.kind() == Vocabulary.Kind.WORD)
			return p.name() + " = " + String.join("|", p.words());
		if (p.defaultValue() instanceof Double d)
			return p.name() + " = " + AstEval.fmt(d);
		if (p.defaultValue() instanceof String s)
			return p.name() + " = \"" + s + "\"";
		return p.name() + " = ";
	}

	/** What the argument is: its kind, bound and whether it may be left out. */
	static String description(Vocabulary.Entry entry, Vocabulary.Param p) {
		String kind = switch (p.kind()) {
			case NUMBER -> "a number";
			case INTEGER -> "an integer";
			case STRING -> "a string";
			case FILE -> "a file name";
			case DIRECTORY -> "a folder name";
			case WORD -> "one of " + String.join(", ", p.words());
		};
		String bound = Double.isNaN(p.min()) ? "" : (p.minExclusive() ? " > " : " >= ") + AstEval.fmt(p.min());
		return "argument of " + entry.name() + ": " + kind + bound + (p.required() ? ", required" : "");
	}
}
