import { describe, expect, it } from 'vitest';
import { ConsistencyTracker } from '../../src/consistency/consistency-tracker.js';
import { ana, assistant, catalog, summary } from './dialogue-fixtures.js';

const checkText = (text: string) =>
  summary(
    new ConsistencyTracker({ catalog, profile: ana }).checkText(
      assistant(0, text, { type: 'recommend', items: ['heat-1995'] }),
    ),
  );

describe('text-unknown-title years', () => {
  it('reads only "(YYYY)" from 1800 to 2099 as a title year', () => {
    expect(checkText('Try Heat (1995), or Moon Walk (1800).')).toEqual([
      { turn: 0, rule: 'text-unknown-title', evidence: { text: 'Moon Walk (1800)' } },
    ]);
    expect(checkText('Try Heat (1995), or Moon Walk (2099)!')).toEqual([
      { turn: 0, rule: 'text-unknown-title', evidence: { text: 'Moon Walk (2099)' } },
    ]);
    expect(checkText('Try Heat (1995) (1799) (2100) (199) (19950) ( 1995) (١٩٩٥).')).toEqual([]);
  });

  it('reports each of several invented titles, brackets side by side included', () => {
    expect(checkText('Heat (1995) beats Foo (2001)(2002) and (2003).')).toEqual([
      { turn: 0, rule: 'text-unknown-title', evidence: { text: 'Foo (2001)' } },
      { turn: 0, rule: 'text-unknown-title', evidence: { text: '(2002)' } },
      { turn: 0, rule: 'text-unknown-title', evidence: { text: '(2003)' } },
    ]);
  });
});
