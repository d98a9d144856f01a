// Type test (checked by `tsc --noEmit`): the documented options interface and the validating schema agree.
import type { z } from 'zod';
import type { AiSdkAdapterOptionsSchema } from '../../src/ai/ai-sdk-adapter-options.js';
import type { AiSdkAdapterOptions } from '../../src/ai/index.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const optionsMatchSchema: Same<AiSdkAdapterOptions, z.input<typeof AiSdkAdapterOptionsSchema>> = true;
