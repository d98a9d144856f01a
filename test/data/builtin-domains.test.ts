import { describe, expect, it } from 'vitest';
import { BuiltinDomainSchema, builtinDomainCatalog } from '../../src/data/builtin/builtin-domains.js';
import { IcerError } from '../../src/errors.js';

describe('builtinDomainCatalog', () => {
  it('gives each built-in domain its own catalog, and names the choices for any other', () => {
    for (const domain of BuiltinDomainSchema.options) expect(builtinDomainCatalog(domain).domain).toBe(domain);
    expect(builtinDomainCatalog('books').has('the-hobbit-1937')).toBe(true);
    const error = (() => {
      try {
        builtinDomainCatalog('podcasts' as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(IcerError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toMatch(/"podcasts".*movies or books/);
  });
});
