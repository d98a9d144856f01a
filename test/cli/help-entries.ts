/** One option of a help text: its flag, and the default and choices it states. */
export interface HelpEntry {
  text: string;
  default: string | undefined;
}

/**
 * The options of a help text by flag. An entry is the flag's line and its more-indented continuation lines, so a
 * default stated on a wrapped line still counts.
 */
export function helpEntries(help: string): Map<string, HelpEntry> {
  const entries = new Map<string, HelpEntry>();
  let current: { flag: string; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const text = current.lines.join(' ').replace(/\s+/g, ' ');
    entries.set(current.flag, { text, default: /\(default: ([^)]*)\)/.exec(text)?.[1] });
    current = undefined;
  };
  for (const line of help.split('\n')) {
    const flag = /^ {2}(?:-\w, )?(--[\w-]+)/.exec(line)?.[1];
    if (flag !== undefined) {
      close();
      current = { flag, lines: [line] };
    } else if (current && /^ {4,}\S/.test(line)) {
      current.lines.push(line);
    } else {
      close();
    }
  }
  close();
  return entries;
}
