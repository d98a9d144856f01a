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
const answer = (index: number, item: string, polarity: 'positive' | 'negative'): Turn => ({
  index,
  speaker: 'user',
  text: '…',
  acts: [{ type: 'answer-item', items: [item], seen: true, polarity, strength: 0.8 }],
});
const read = (history: readonly Turn[]) => {
  const { known, stated, praised, suggested } = historySoFar(history);
  return { known: [...known].sort(), stated: [...stated].sort(), praised: [...praised].sort(), suggested };
};

describe('historySoFar', () => {
  it('reads a history that grows turn by turn as a fresh reading does', () => {
    const history: Turn[] = [like(0, 'genre:Horror')];
    expect(read(history)).toEqual({ known: [], stated: ['genre:Horror'], praised: [], suggested: false });
    history.push(suggest(1, 'm1'));
    expect(read(history)).toEqual({ known: ['m1'], stated: ['genre:Horror'], praised: [], suggested: true });
    history.push(answer(2, 'm1', 'negative'), answer(3, 'm2', 'positive'));
    expect(read(history)).toMatchObject({ known: ['m1', 'm2'], praised: ['m2'] });
  });

  it('reads anew a history whose earlier turns were replaced in place, or cut, not only grown', () => {
    const history: Turn[] = [like(0, 'genre:Horror'), suggest(1, 'm1')];
    read(history);
    history[0] = like(0, 'genre:Comedy');
    history[1] = like(1, 'genre:Drama');
    history.push(suggest(2, 'm2'));
    expect(read(history)).toEqual(read([...history]));
    expect(read(history)).toMatchObject({ known: ['m2'], stated: ['genre:Comedy', 'genre:Drama'], suggested: true });
    history.length = 1;
    expect(read(history)).toMatchObject({ known: [], stated: ['genre:Comedy'], suggested: false });
  });
});
