import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpStatusFor } from './errors';

/** Every literal error code thrown in the product, read from the source (a code with no status would answer 500). */
function thrownCodes(dir: string, found = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) thrownCodes(path, found);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/new DomainError\(\s*'([a-z0-9_.]+)'/g)) found.add(match[1] as string);
    }
  }
  return found;
}

describe('error codes', () => {
  const codes = [...thrownCodes(join(import.meta.dirname, '..'))];

  it('finds the codes the product throws', () => {
    expect(codes.length).toBeGreaterThan(50);
  });

  it.each(codes)('%s answers a 4xx or 503, never 500', (code) => {
    const status = httpStatusFor(code);
    expect(status === 503 || (status >= 400 && status < 500), `${code} → ${status}`).toBe(true);
  });
});
