import { z } from 'zod';

/** What a schema says about the values it takes, in JSON Schema's public terms rather than zod's internals. */
export interface ValueRule {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: readonly unknown[];
}

/** The rule of one option's schema (its bounds, whether it takes whole numbers, its choices). */
export function valueRule(schema: z.ZodType): ValueRule {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ValueRule;
}

/** The value a schema gives an absent option: what the library applies when the user sets nothing. */
export function schemaDefault(schema: z.ZodType): unknown {
  return schema.parse(undefined);
}

/**
 * The default of an option for help text. A flag that sets the option of several functions lists each distinct
 * default, so that help never claims one value where the library would apply two; a schema with no default of its
 * own (one that takes another's) adds none.
 */
export function defaultText(...schemas: readonly z.ZodType[]): string {
  const defaults = schemas.map(schemaDefault).filter((value) => value !== undefined);
  return [...new Set(defaults.map(String))].join(' or ');
}

/** The choices of an enum schema, as help and error messages list them. */
export function choicesText(schema: z.ZodType): string {
  const choices = (valueRule(schema).enum ?? []).map(String);
  return choices.length <= 1 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}
