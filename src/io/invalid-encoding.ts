import { IcerError } from '../errors.js';

/**
 * The error for a line of a delimited text file (CSV, TSV) that is not UTF-8. One helper for every reader, so that
 * each gives the same advice, the Windows code page included (most such files come from a spreadsheet on Windows).
 * `extension` names the file kind in the example command: `csv`, `tsv`.
 */
export function invalidEncoding(file: string, line: number, extension: string): IcerError {
  return new IcerError('INVALID_ENCODING', 'The file is not UTF-8: this line holds a byte UTF-8 does not allow.', {
    location: { file, line },
    hint:
      `Re-encode the file as UTF-8, e.g. \`iconv -f latin1 -t utf-8 in.${extension} > out.${extension}\` for Latin-1 ` +
      '(use -f cp1252 for a file saved on Windows).',
  });
}
