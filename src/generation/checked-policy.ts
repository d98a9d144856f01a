import { z } from 'zod';
import { type AssistantAct, type AssistantActInput, AssistantActSchema } from '../dialogue/dialogue-acts.js';
import { IcerError } from '../errors.js';
import type { RecommenderPolicy, RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';

const TurnActsSchema = z.array(AssistantActSchema).min(1, 'a turn needs at least one act');

/**
 * A policy of the user's own, whose every turn is parsed before anything acts on it: a wrong act would otherwise
 * surface as a TypeError deep in the tracker or the templates, far from the policy that made it.
 */
export function checkedPolicy(
  factory: RecommenderPolicyFactory<AssistantActInput>,
  name: string,
): RecommenderPolicyFactory {
  return (context) => {
    const policy: RecommenderPolicy<AssistantActInput> | undefined = factory(context);
    if (typeof policy?.next !== 'function') {
      throw new IcerError('INVALID_ARGUMENT', `The policy "${name}" did not return a policy object.`, {
        location: { field: 'policy' },
        hint: 'A policy factory returns { next(turn) { return [/* assistant acts */]; } } for each dialogue.',
      });
    }
    return {
      next(turn): AssistantAct[] {
        const parsed = TurnActsSchema.safeParse(policy.next(turn));
        if (parsed.success) return parsed.data;
        const issue = describeZodIssue(parsed.error.issues[0], 'acts');
        throw new IcerError(
          'INVALID_ARGUMENT',
          `The policy "${name}" returned an invalid turn ${turn.index}: ${issue.message}.`,
          {
            location: { field: issue.path },
            hint: 'Each act is an AssistantAct (see AssistantActSchema): a type, and items — [] when it names none.',
          },
        );
      },
    };
  };
}
