// A TypeDoc plugin for `npm run docs:api`. A zod enum schema's type spells its values as a record, `ZodEnum<{ books:
// "books"; movies: "movies" }>`, and TypeDoc lists each entry as a property; deep in a schema's type it stops
// converting and lists `...` instead. Those members come from zod's mapped types, not from our source (they have no
// declaration), so no comment can reach them: the schema's own comment describes them. This exempts exactly them from
// the "not documented" check; every other undocumented export still fails the build.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const names = new Set();
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      const symbol = context.getSymbolFromReflection(reflection);
      const synthetic = (symbol?.declarations ?? []).length === 0;
      const type = reflection.type;
      // Deep in a schema's type TypeDoc stops converting (maxTypeConversionDepth) and shows `...` instead.
      const enumEntry = (type?.type === 'literal' && type.value === reflection.name) || type?.type === 'unknown';
      if (synthetic && enumEntry) names.add(reflection.getFriendlyFullName());
    }
    const exempt = app.options.getValue('intentionallyNotDocumented');
    app.options.setValue('intentionallyNotDocumented', [...exempt, ...names]);
  });
}
