/** The manifest's path: beside the output. */
export function manifestPath(file: string): string {
  return `${file}.icer-run.json`;
}

/** A `.gz` output's block file: beside it, the records not yet in a gzip member, as plain JSON lines. */
export function blockPath(file: string): string {
  return `${file}.icer-block`;
}
