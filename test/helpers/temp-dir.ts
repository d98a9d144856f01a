import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary directory per call, removed after the test; `write` puts a file in it. */
export function useTempDir(): () => { dir: string; write: (name: string, content: string) => string } {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'icer-test-'));
    dirs.push(dir);
    return {
      dir,
      write: (name, content) => {
        const path = join(dir, name);
        writeFileSync(path, content);
        return path;
      },
    };
  };
}
