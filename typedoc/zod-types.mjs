// A TypeDoc plugin for `npm run docs:api`: zod-derived types documented as what they are.
//
// - A type alias written `z.output<typeof XSchema>` (or `z.input`, `z.infer`) is shown as the object type it
//   resolves to, field by field with the comments of the schema's fields, as TypeDoc's `@useDeclaredType` does,
//   rather than as `output<typeof XSchema>`, which tells a reader nothing.
// - A zod enum schema's type spells its values as a record, `ZodEnum<{ books: "books"; movies: "movies" }>`, and
//   TypeDoc lists each entry as a property (deep in a schema's type it stops converting and lists `...` instead).
//   Those members come from zod's mapped types and have no declaration in our source, so no comment can reach them:
//   the schema's own comment describes them. They are exempted from the "not documented" check, and nothing else is.
import { Comment, Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

const ZOD_TYPE = /^z\.(?:output|input|infer)</;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.TypeAlias)) return;
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.find(ts.isTypeAliasDeclaration);
    if (declaration === undefined || !ZOD_TYPE.test(declaration.type.getText())) return;
    reflection.comment ??= new Comment();
    reflection.comment.modifierTags.add('@useDeclaredType');
  });

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const names = new Set();
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      const synthetic = (context.getSymbolFromReflection(reflection)?.declarations ?? []).length === 0;
      const type = reflection.type;
      const enumEntry = (type?.type === 'literal' && type.value === reflection.name) || type?.type === 'unknown';
      if (synthetic && enumEntry) names.add(reflection.getFriendlyFullName());
    }
    const exempt = app.options.getValue('intentionallyNotDocumented');
    app.options.setValue('intentionallyNotDocumented', [...exempt, ...names]);
  });
}
