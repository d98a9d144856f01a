import { z } from 'zod';

/**
 * How many dialogues `icer generate` writes, and how many synthetic users `icer profiles` draws, when `--count` is
 * absent. The command line's own default: a first run should be quick to read, where the library's batch default
 * (100 synthetic users) serves programs.
 */
export const CountSchema = z.number().int().min(1).default(10);
