import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { catalogToJson, loadCatalogJson, parseCatalogJson } from '../../src/data/catalog-json.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected, thrown } from '../helpers/thrown.js';

const tempDir = useTempDir();

describe('JSON catalogs', () => {
  it('round-trips a catalog through its JSON document', async () => {
    const original = smallCatalog();
    const { write } = tempDir();
    const file = write('catalog.json', JSON.stringify(catalogToJson(original), null, 2));
    const loaded = await loadCatalogJson(file);
    expect(loaded).toBeInstanceOf(ItemCatalog);
    expect(loaded.items()).toEqual(original.items());
    expect(loaded.domain).toBe('movies');
    expect(loaded.source).toBe(file);
  });

  it('accepts a byte-order mark before the JSON', () => {
    const text = `\ufeff${JSON.stringify(catalogToJson(smallCatalog()))}`;
    expect(parseCatalogJson(text).size).toBe(8);
  });

  it('reports a syntax error with its line', () => {
    const text = '{\n  "format": "icer.catalog",\n  "version": 1,\n  "items": [ { "id": "a", } ]\n}';
    const error = thrown(() => parseCatalogJson(text, 'bad.json'));
    expect(error.code).toBe('MALFORMED_JSON');
    expect(error.location).toMatchObject({ file: 'bad.json', line: 4 });
    expect(error.message).toMatch(/^bad\.json:4: /);
  });

  it('names the invalid field of a schema error', () => {
    const doc = {
      format: 'icer.catalog',
      version: 1,
      items: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B', year: 'soon' },
      ],
    };
    const error = thrown(() => parseCatalogJson(JSON.stringify(doc), 'c.json'));
    expect(error.code).toBe('INVALID_CATALOG');
    expect(error.location).toEqual({ file: 'c.json', field: 'items[1].year' });
    expect(thrown(() => parseCatalogJson('[]', 'c.json')).code).toBe('INVALID_CATALOG');
    expect(thrown(() => parseCatalogJson(JSON.stringify({ ...doc, format: 'other' }))).location?.field).toBe('format');
  });

  it('rejects duplicate ids naming the second one', () => {
    const doc = {
      format: 'icer.catalog',
      version: 1,
      items: [
        { id: 'a', title: 'A' },
        { id: 'a', title: 'B' },
      ],
    };
    const error = thrown(() => parseCatalogJson(JSON.stringify(doc), 'd.json'));
    expect(error.code).toBe('DUPLICATE_ITEM_ID');
    expect(error.location).toEqual({ file: 'd.json', field: 'items[1].id' });
  });

  it('names a missing file', async () => {
    const error = await rejected(() => loadCatalogJson('/nonexistent/catalog.json'));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('/nonexistent/catalog.json');
  });
});
