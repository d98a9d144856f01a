import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { chooseFromSlate, logitChoice } from '../../src/simulation/choice-model.js';
import { thrown } from '../helpers/thrown.js';

describe('chooseFromSlate', () => {
  it('mostly picks the best option at a low temperature, and none when nothing beats "none"', () => {
    const random = new SeededRandom(1);
    const picks = Array.from({ length: 200 }, () =>
      chooseFromSlate([0.1, 0.9, 0.2], random, { temperature: 0.05, noneUtility: 0 }),
    );
    expect(picks.filter((pick) => pick === 1).length).toBeGreaterThan(190);
    expect(chooseFromSlate([0, 0], random, { temperature: 0.01, noneUtility: 10 })).toBe(-1);
  });

  it('draws exactly what the unchecked logitChoice draws', () => {
    const [a, b] = [new SeededRandom('same'), new SeededRandom('same')];
    for (let i = 0; i < 100; i++) {
      const utilities = [i % 3, (i * 7) % 5, 0.5];
      expect(chooseFromSlate(utilities, a, { temperature: 0.3, noneUtility: 1 })).toBe(
        logitChoice(utilities, b, 0.3, 1),
      );
    }
  });

  it('refuses an unknown option, naming it and the option meant', () => {
    const error = thrown(() =>
      chooseFromSlate([1], new SeededRandom(1), { temperature: 1, noneUtility: 0, temprature: 2 } as never),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"temprature" (did you mean "temperature"?)');
    expect(error.location?.field).toBe('temprature');
  });

  it('refuses a temperature that is not positive and a missing none utility', () => {
    const cold = thrown(() => chooseFromSlate([1], new SeededRandom(1), { temperature: 0, noneUtility: 0 }));
    expect(cold.code).toBe('INVALID_ARGUMENT');
    expect(cold.location?.field).toBe('temperature');
    const missing = thrown(() => chooseFromSlate([1], new SeededRandom(1), { temperature: 1 } as never));
    expect(missing.code).toBe('INVALID_ARGUMENT');
    expect(missing.location?.field).toBe('noneUtility');
  });
});
