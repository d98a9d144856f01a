import type { Template } from './template.js';

// The shortest frame worth keeping apart: "I'm a huge fan of", "was a favourite of mine", not "I love".
const MIN_FRAME = 12;

/** What a probe fills a template's title or attribute slots with, for {@link unsaidFrames}. */
export const FRAME_SLOT = '\u0000';

// A template's frame, worked out once: the lists are fixed.
const frames = new WeakMap<Template<never>, string>();

/** The longest run of a template's own words between its slots, lowercased ("i'm a huge fan of"). */
function frameOf<W>(template: Template<W>, probe: W): string {
  let frame = frames.get(template as Template<never>);
  if (frame === undefined) {
    frame = template(probe)
      .split(FRAME_SLOT)
      .map((part) => part.trim().toLowerCase())
      .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
    frames.set(template as Template<never>, frame);
  }
  return frame;
}

/**
 * Of a list of opinion templates, those whose frame the user has not said in an earlier turn (`said`, lowercased):
 * not "I'm a huge fan of comedies." and then "I'm a huge fan of films by Martin Scorsese." in one dialogue. Filled
 * with `probe`, each template's slots say {@link FRAME_SLOT}. All of them if none is left: a turn must say its
 * opinion somehow.
 */
export function unsaidFrames<W>(list: readonly Template<W>[], probe: W, said: string): readonly Template<W>[] {
  if (said === '') return list;
  const fresh = list.filter((template) => {
    const frame = frameOf(template, probe);
    return frame.length < MIN_FRAME || !said.includes(frame);
  });
  return fresh.length > 0 ? fresh : list;
}
