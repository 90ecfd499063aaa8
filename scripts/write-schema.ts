import { writeFileSync } from 'node:fs';
import { datasetJsonSchemaText } from './json-schema';

writeFileSync(new URL('../data/schema.json', import.meta.url), datasetJsonSchemaText());
console.log('wrote data/schema.json');
