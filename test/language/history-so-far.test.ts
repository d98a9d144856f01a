import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/dialogue/turn.js';
import { historySoFar } from '../../src/language/templates/history-so-far.js';

const suggest = (index: number, item: string): Turn => ({
  index,
  speaker: 'assistant',
  text: '…',
  acts: [{ type: 'recommend', items: [item], reasons: [] }],
});
const like = (index: number, attribute: string): Turn => ({
  index,
  speaker: 'user',
  text: '…',
  acts: [{ type: 'disclose', items: [], attribute, polarity: 'positive', strength: 0.8 }],
});
const read = (history: readonly Turn[]) => {
  const { known, stated, suggested } = historySoFar(history);
  return { known: [...known].sort(), stated: [...stated].sort(), suggested };
};

describe('historySoFar', () => {
  it('reads a history that grows turn by turn as a fresh reading does', () => {
    const history: Turn[] = [like(0, 'genre:Horror')];
    expect(read(history)).toEqual({ known: [], stated: ['genre:Horror'], suggested: false });
    history.push(suggest(1, 'm1'));
    expect(read(history)).toEqual({ known: ['m1'], stated: ['genre:Horror'], suggested: true });
  });

  it('reads anew a history whose earlier turns were replaced in place, or cut, not only grown', () => {
    const history: Turn[] = [like(0, 'genre:Horror'), suggest(1, 'm1')];
    read(history);
    history[0] = like(0, 'genre:Comedy');
    history[1] = like(1, 'genre:Drama');
    history.push(suggest(2, 'm2'));
    expect(read(history)).toEqual(read([...history]));
    expect(read(history)).toEqual({ known: ['m2'], stated: ['genre:Comedy', 'genre:Drama'], suggested: true });
    history.length = 1;
    expect(read(history)).toEqual({ known: [], stated: ['genre:Comedy'], suggested: false });
  });
});
