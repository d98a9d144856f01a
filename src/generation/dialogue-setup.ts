import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { PolarityJudge } from '../consistency/polarity-judge.js';
import type { VerbalizationMode } from '../dialogue/verbalization-mode.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import type { UserSimulatorOptions } from '../simulation/user-simulator.js';
import type { DialogueGeneratorEvents } from './generator-events.js';

/** Everything one dialogue needs; assembled and validated by the generator. */
export interface DialogueSetup {
  id: string;
  seed: Seed;
  profile: PreferenceProfile;
  catalog: ItemCatalog;
  adapter: LMAdapter;
  mode: VerbalizationMode;
  policy: RecommenderPolicyFactory;
  policyName: string;
  simulator: UserSimulatorOptions;
  maxTurns: number;
  repairAttempts: number;
  /** Decides the stance of text the lexical polarity check is unsure about; none by default. */
  judge: PolarityJudge | undefined;
  signal: AbortSignal | undefined;
  emit: <E extends keyof DialogueGeneratorEvents>(event: E, payload: Parameters<DialogueGeneratorEvents[E]>[0]) => void;
}
