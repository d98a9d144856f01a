/** A value the card's YAML holds: scalars, lists and mappings. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

const PLAIN = /^[A-Za-z][A-Za-z0-9 _./<>+-]*$/;
// Words YAML 1.1 readers (PyYAML, which the Hub's tools use) take for booleans or null when unquoted.
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  // A JSON string is a YAML double-quoted scalar.
  return PLAIN.test(value) && !value.endsWith(' ') && !RESERVED.has(value.toLowerCase())
    ? value
    : JSON.stringify(value);
}

function isScalar(value: YamlValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      const [first, ...rest] = block(item, indent + 2);
      return [`${pad}- ${(first as string).slice(indent + 2)}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, YamlValue>).flatMap(([key, item]) => {
    if (isScalar(item)) return [`${pad}${key}: ${scalar(item)}`];
    if (Array.isArray(item))
      return item.length === 0 ? [`${pad}${key}: []`] : [`${pad}${key}:`, ...block(item, indent)];
    const nested = block(item, indent + 2);
    return nested.length === 0 ? [`${pad}${key}: {}`] : [`${pad}${key}:`, ...nested];
  });
}

/** A mapping as block YAML, list items at their key's indentation (as the Hub writes cards). */
export function yamlText(value: { readonly [key: string]: YamlValue }): string {
  return `${block(value, 0).join('\n')}\n`;
}
