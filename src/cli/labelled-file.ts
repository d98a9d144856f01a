/** `LABEL=FILE`, or a file labelled by its name without `.jsonl`, `.jsonl.gz` or `.json`. */
export function labelledFile(spec: string): { label: string; file: string } {
  const at = spec.indexOf('=');
  if (at > 0) return { label: spec.slice(0, at), file: spec.slice(at + 1) };
  const name = spec.split(/[\\/]/).pop() ?? spec;
  return { label: name.replace(/\.jsonl(\.gz)?$|\.json$/, '') || spec, file: spec };
}
