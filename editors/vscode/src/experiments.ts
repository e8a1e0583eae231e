// Pure helpers of the extension (no vscode import), tested with node:test.

/** An experiment block of a .potential text: its name and the offsets of `experiment` and of its `}`. */
export interface ExperimentBlock {
  name: string;
  start: number;
  end: number;
}

/** The experiment blocks of a .potential text (comments and strings skipped). */
export function experiments(text: string): ExperimentBlock[] {
  const out: ExperimentBlock[] = [];
  let depth = 0;
  let open: { name: string; start: number; depth: number } | undefined;
  const word = /experiment\s+([A-Za-z_\u0391-\u03A9\u03B1-\u03C9][A-Za-z0-9_\u0391-\u03A9\u03B1-\u03C9]*)/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
      if (open && depth === open.depth) {
        out.push({ name: open.name, start: open.start, end: i + 1 });
        open = undefined;
      }
    } else if (c === 'e' && depth === 0 && !open && (i === 0 || !/[\w]/.test(text[i - 1]))) {
      word.lastIndex = i;
      const m = word.exec(text);
      if (m) {
        open = { name: m[1], start: i, depth: 0 };
        i += m[0].length - 1;
      }
    }
  }
  return out;
}

/**
 * The experiment to run for a caret at `offset`: the one around it, else the only one of the file,
 * else undefined (the caller asks).
 */
export function experimentAt(text: string, offset: number): string | undefined {
  const all = experiments(text);
  const around = all.find((b) => b.start <= offset && offset <= b.end);
  if (around) return around.name;
  return all.length === 1 ? all[0].name : undefined;
}

/** A command line setting split into program and arguments ("bregman lsp" → bregman, [lsp]). */
export function splitCommand(command: string): { program: string; args: string[] } {
  const parts = command.trim().split(/\s+/).filter((p) => p.length > 0);
  return { program: parts[0] ?? 'bregman', args: parts.slice(1) };
}

/** Quotes an argument for a POSIX shell (the terminal runs `bregman run FILE --experiment NAME`). */
export function shellQuote(arg: string): string {
  return /^[\w./:=+-]+$/.test(arg) ? arg : "'" + arg.replace(/'/g, "'\\''") + "'";
}
