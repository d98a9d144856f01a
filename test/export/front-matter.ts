// A small strict reader for the YAML a dataset card's front matter uses (block mappings and sequences, plain and
// double-quoted scalars, numbers, [] and {}), written for these tests apart from the code that writes the card:
// anything outside that subset is an error, not a guess.

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly number: number;
}

function scalar(text: string, line: number): Yaml {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text === '[]') return [];
  if (text === '{}') return {};
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^[A-Za-z][A-Za-z0-9 _./<>+-]*$/.test(text)) return text;
  throw new Error(`line ${line}: not a scalar of the subset: ${text}`);
}

function parseBlock(lines: Line[], at: { i: number }, indent: number): Yaml {
  const first = lines[at.i];
  if (!first || first.indent < indent) throw new Error('empty block');
  if (first.text.startsWith('- ')) {
    const list: Yaml[] = [];
    while (
      at.i < lines.length &&
      (lines[at.i] as Line).indent === indent &&
      (lines[at.i] as Line).text.startsWith('- ')
    ) {
      const line = lines[at.i] as Line;
      const rest = line.text.slice(2);
      if (/^[\w-]+:( |$)/.test(rest)) {
        // A mapping that starts on the dash line: its keys sit two columns in.
        lines[at.i] = { indent: indent + 2, text: rest, number: line.number };
        list.push(parseBlock(lines, at, indent + 2));
      } else {
        list.push(scalar(rest, line.number));
        at.i++;
      }
    }
    return list;
  }
  const map: { [key: string]: Yaml } = {};
  while (at.i < lines.length && (lines[at.i] as Line).indent === indent) {
    const line = lines[at.i] as Line;
    const match = /^([\w-]+):(?: (.*))?$/.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: expected "key: value": ${line.text}`);
    const key = match[1] as string;
    if (key in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
    at.i++;
    if (match[2] !== undefined) {
      map[key] = scalar(match[2], line.number);
      continue;
    }
    const next = lines[at.i];
    // A sequence may sit at its key's indentation; a nested mapping must be deeper.
    if (next?.text.startsWith('- ') && next.indent === indent) map[key] = parseBlock(lines, at, indent);
    else if (next && next.indent > indent) map[key] = parseBlock(lines, at, next.indent);
    else throw new Error(`line ${line.number}: ${key} has no value`);
  }
  if (at.i < lines.length && (lines[at.i] as Line).indent > indent) {
    throw new Error(`line ${(lines[at.i] as Line).number}: unexpected indentation`);
  }
  return map;
}

/** The front matter of a Markdown file (between the first two `---` lines) and the body after it. */
export function readFrontMatter(markdown: string): { data: { [key: string]: Yaml }; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error('no front matter');
  const lines = (match[1] as string)
    .split('\n')
    .map((text, index) => ({ indent: text.length - text.trimStart().length, text: text.trim(), number: index + 2 }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
  const at = { i: 0 };
  const data = parseBlock(lines, at, 0);
  if (at.i !== lines.length) throw new Error(`line ${(lines[at.i] as Line).number}: not read`);
  return { data: data as { [key: string]: Yaml }, body: match[2] as string };
}
