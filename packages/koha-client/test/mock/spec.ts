// Koha's specification, read from the shared folder at test time (it is GPL: never copied into
// the package), merged with our transcription of the operations the subset lacks
// (spec/koha-api-v1.additions.json), plus the MARC body types from Koha's published documentation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../../../../testing/paths.js';
import type { Schema } from './schema.js';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'formData' | 'body';
  required?: boolean;
  type?: string | string[];
  items?: Schema;
  collectionFormat?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  schema?: Schema;
  [k: string]: unknown;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  produces: string[];
  /** Content types of a raw (non-JSON) body; Koha reads these bodies itself. */
  rawBodyTypes: string[];
  responses: Record<string, { schema?: Schema }>;
}

export interface Spec {
  basePath: string;
  operations: Operation[];
  resolve(ref: string): Schema;
}

const MARC_BODY_TYPES = ['application/marcxml+xml', 'application/marc-in-json', 'application/marc'];

type SpecDoc = {
  basePath: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  parameters: Record<string, Parameter>;
  definitions: Record<string, Schema>;
};

const ADDITIONS = fileURLToPath(new URL('../../spec/koha-api-v1.additions.json', import.meta.url));

export function loadSpec(): Spec {
  const doc = JSON.parse(
    readFileSync(sharedPath('koha-openapi', 'koha-api-v1.bundled.json'), 'utf8'),
  ) as SpecDoc;
  const extra = JSON.parse(readFileSync(ADDITIONS, 'utf8')) as Partial<SpecDoc>;
  for (const [path, item] of Object.entries(extra.paths ?? {}))
    doc.paths[path] = { ...doc.paths[path], ...item };
  Object.assign(doc.definitions, extra.definitions);
  Object.assign(doc.parameters, extra.parameters);
  const resolve = (ref: string): Schema => {
    let node: unknown = doc;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
    return node as Schema;
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      const params = ((op.parameters as Record<string, unknown>[] | undefined) ?? []).map((p) =>
        typeof p.$ref === 'string' ? (resolve(p.$ref) as unknown as Parameter) : (p as unknown as Parameter),
      );
      const id = op.operationId as string;
      operations.push({
        operationId: id,
        method: method.toUpperCase(),
        path,
        parameters: params,
        produces: (op.produces as string[] | undefined) ?? ['application/json'],
        // Addition (Koha's docs, the operation's own description): POST/PUT /biblios take MARC bodies.
        rawBodyTypes: id === 'addBiblio' || id === 'updateBiblio' ? MARC_BODY_TYPES : [],
        responses: op.responses as Record<string, { schema?: Schema }>,
      });
    }
  }
  return { basePath: doc.basePath, operations, resolve };
}
