// Second loader: graphql-js buildSchema over graphql/*.graphqls, then validate every operation.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, assertValidSchema } from 'graphql';

const repo = process.env.HUB_REPO ?? process.cwd();
const dir = join(repo, 'graphql');
const sdl = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort()
  .map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
const schema = buildSchema(sdl);
assertValidSchema(schema);
const types = Object.keys(schema.getTypeMap()).filter((t) => !t.startsWith('__'));
console.log(`schema ok: ${types.length} types, Query ${Object.keys(schema.getQueryType().getFields()).length} fields, `
  + `Mutation ${Object.keys(schema.getMutationType().getFields()).length}, Subscription ${Object.keys(schema.getSubscriptionType().getFields()).length}`);
const walk = (d) => readdirSync(d).flatMap((f) => statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]);
let failures = 0, docs = 0;
for (const file of walk(join(dir, 'operations')).filter((f) => f.endsWith('.graphql')).sort()) {
  docs++;
  const errors = validate(schema, parse(readFileSync(file, 'utf8')));
  if (errors.length) { failures++; console.log(file, errors.map((e) => e.message)); }
}
console.log(`${docs} operation documents, ${failures} invalid`);
process.exit(failures ? 1 : 0);
