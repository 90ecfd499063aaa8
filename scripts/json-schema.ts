/** JSON Schema for editors, derived from the one valibot schema so the two cannot drift apart. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema } from '../src/model/schema';

export function datasetJsonSchema(): object {
  const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore', target: 'draft-07' });
  return {
    ...schema,
    $id: 'https://chronomap.invalid/schema/v2.json',
    title: 'Chronomap dataset, schema v2 (v1 files are valid v2)',
    description: 'Generated from src/model/schema.ts by `npm run schema`. Do not edit by hand.',
  };
}

export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
