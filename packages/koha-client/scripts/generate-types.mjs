#!/usr/bin/env node
// Reads Koha's Swagger 2.0 bundle and writes TypeScript types for every operation
// (parameters, bodies, responses) and every definition, plus a small runtime table of
// method/path/parameter locations the client needs to build requests.
// Usage: node scripts/generate-types.mjs [spec.json] [out.ts]
// The operations the shared subset lacks (renewal, password validation, hold cancellation,
// check-in) come from our transcription in spec/koha-api-v1.additions.json, merged in here.
// Plain Node, no dependencies: the spec is GPL, so we ship only what is derived from it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const specPath = resolve(
  process.argv[2] ?? resolve(pkgDir, '../../../shared/koha-openapi/koha-api-v1.bundled.json'),
);
const outPath = resolve(process.argv[3] ?? resolve(pkgDir, 'src/generated/koha-api.ts'));

const additionsPath = resolve(pkgDir, 'spec/koha-api-v1.additions.json');

const raw = readFileSync(specPath);
const spec = JSON.parse(raw.toString('utf8'));
if (spec.swagger !== '2.0')
  throw new Error(`expected a Swagger 2.0 document, got ${spec.swagger ?? spec.openapi}`);
const sha = createHash('sha256').update(raw).digest('hex');
const additionsRaw = readFileSync(additionsPath);
const additionsSha = createHash('sha256').update(additionsRaw).digest('hex');
mergeAdditions(spec, JSON.parse(additionsRaw.toString('utf8')));

/** Add paths (per method), definitions and parameters; an operation both files define is an error. */
function mergeAdditions(target, extra) {
  for (const [path, item] of Object.entries(extra.paths ?? {})) {
    target.paths[path] ??= {};
    const into = target.paths[path];
    for (const [method, op] of Object.entries(item)) {
      if (into[method]) throw new Error(`additions redefine ${method.toUpperCase()} ${path}`);
      into[method] = op;
    }
  }
  for (const part of ['definitions', 'parameters']) {
    for (const [name, value] of Object.entries(extra[part] ?? {})) {
      target[part] ??= {};
      if (target[part][name]) throw new Error(`additions redefine ${part}/${name}`);
      target[part][name] = value;
    }
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const pascal = (name) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
/** `error` would shadow the global Error, so definitions get a distinct name there. */
const defName = (name) => (pascal(name) === 'Error' ? 'ErrorBody' : pascal(name));
const ident = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k) => (ident.test(k) ? k : JSON.stringify(k));
const doc = (text, indent) => {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const first = text.trim().split('\n')[0].replace(/\*\//g, '*\\/');
  return `${indent}/** ${first} */\n`;
};

function resolveRef(ref) {
  const parts = ref.replace(/^#\//, '').split('/');
  let node = spec;
  for (const p of parts) node = node?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node;
}

function literal(value) {
  return JSON.stringify(value);
}

/** A JSON schema (Swagger 2.0 flavour, with Koha's type arrays) as a TypeScript type. */
function tsType(schema, indent = '', opts = {}) {
  if (schema === undefined || schema === null || schema === true) return 'unknown';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop();
    const target = resolveRef(schema.$ref);
    const ro = opts.input ? readOnlyProps(target) : [];
    return ro.length > 0 ? `Omit<${defName(name)}, ${ro.map(literal).join(' | ')}>` : defName(name);
  }
  if (Array.isArray(schema.enum)) {
    const lits = schema.enum.map(literal);
    const types = [].concat(schema.type ?? []);
    if (types.includes('null') && !schema.enum.includes(null)) lits.push('null');
    return lits.join(' | ');
  }
  const types = [].concat(schema.type ?? (schema.properties ? 'object' : []));
  if (types.length === 0) return 'unknown';
  const parts = types.map((t) => {
    switch (t) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array': {
        const inner = tsType(schema.items, indent, opts);
        return /^[A-Za-z0-9_<>, ']+$/.test(inner) && !inner.includes('|') ? `${inner}[]` : `Array<${inner}>`;
      }
      case 'object':
        return objectType(schema, indent, opts);
      case 'file':
        return 'Blob';
      default:
        return 'unknown';
    }
  });
  return [...new Set(parts)].join(' | ');
}

function readOnlyProps(schema) {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties)
    .filter(([, p]) => p?.readOnly === true)
    .map(([k]) => k);
}

function objectType(schema, indent, opts) {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) return 'Record<string, unknown>';
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  let out = '{\n';
  for (const name of names) {
    const p = props[name];
    if (opts.input && p?.readOnly === true) continue;
    const ro = p?.readOnly === true ? 'readonly ' : '';
    out += doc(p?.description, inner);
    out += `${inner}${ro}${key(name)}${required.has(name) ? '' : '?'}: ${tsType(p, inner, opts)};\n`;
  }
  if (schema.additionalProperties === true || typeof schema.additionalProperties === 'object') {
    out += `${inner}[key: string]: unknown;\n`;
  }
  return `${out}${indent}}`;
}

/** A non-body parameter's type: arrays of enums become readonly arrays the client joins. */
function paramType(p) {
  if (p.type === 'array') {
    const item = tsType(p.items ?? {});
    return `readonly (${item})[]`;
  }
  return tsType(p);
}

function deref(p) {
  return p.$ref ? resolveRef(p.$ref) : p;
}

const lines = [];
const emit = (s = '') => lines.push(s);

emit('// GENERATED FILE: do not edit. Regenerate with `node scripts/generate-types.mjs`.');
emit(
  `// Source: Koha REST API v1 specification (${spec.info?.title ?? 'Koha REST API'}, Swagger ${spec.swagger}),`,
);
emit(`// file ${relative(pkgDir, specPath).replace(/\\/g, '/')} (sha256 ${sha}),`);
emit(`// plus spec/koha-api-v1.additions.json (sha256 ${additionsSha}),`);
emit("// a subset of Koha 25.x's api/v1/swagger. The specification is part of Koha (GPL-3.0-or-later);");
emit('// only these derived types and the method/path table are generated from it, see README "Notices".');
emit('/* biome-ignore-all lint: generated code */');
emit();
emit('// ---- definitions ----');
emit();
for (const [name, schema] of Object.entries(spec.definitions ?? {})) {
  emit(doc(schema.description ?? `Koha \`${name}\` definition.`, '').trimEnd());
  const t = tsType(schema, '');
  if (t.startsWith('{')) emit(`export interface ${defName(name)} ${t}`);
  else emit(`export type ${defName(name)} = ${t};`);
  emit();
}

emit('// ---- operations ----');
emit();
const meta = [];
emit('/** Every operation of the specification, keyed by operationId. */');
emit('export interface KohaOperations {');
for (const [path, item] of Object.entries(spec.paths)) {
  const shared = (item.parameters ?? []).map(deref);
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    const params = [...shared, ...(op.parameters ?? []).map(deref)];
    const byIn = (where) => params.filter((p) => p.in === where);
    const group = (where) => {
      const ps = byIn(where);
      if (ps.length === 0) return undefined;
      let out = '{\n';
      for (const p of ps) {
        out += doc(p.description, '        ');
        out += `        ${key(p.name)}${p.required ? '' : '?'}: ${paramType(p)};\n`;
      }
      return { text: `${out}      }`, required: ps.some((p) => p.required) };
    };
    const parts = [];
    const pathGroup = group('path');
    const queryGroup = group('query');
    const headerGroup = group('header');
    const formGroup = group('formData');
    if (pathGroup) parts.push(['path', pathGroup.text, true]);
    if (queryGroup) parts.push(['query', queryGroup.text, queryGroup.required]);
    if (headerGroup) parts.push(['headers', headerGroup.text, headerGroup.required]);
    if (formGroup) parts.push(['form', formGroup.text, formGroup.required]);
    // GET/DELETE bodies (Koha's `q_body`) cannot be sent by fetch in browsers: `q` carries the same filter.
    const bodyParam = method === 'get' || method === 'delete' ? undefined : byIn('body')[0];
    if (bodyParam)
      parts.push(['body', tsType(bodyParam.schema, '      ', { input: true }), bodyParam.required === true]);
    emit(doc(op.summary ?? op.description, '  ').trimEnd() || undefined);
    emit(`  ${key(op.operationId)}: {`);
    emit(`    method: ${literal(method.toUpperCase())};`);
    emit(`    path: ${literal(path)};`);
    if (parts.length === 0) emit('    request: {};');
    else {
      emit('    request: {');
      for (const [k, t, req] of parts) emit(`      ${k}${req ? '' : '?'}: ${t};`);
      emit('    };');
    }
    emit('    responses: {');
    for (const [status, res] of Object.entries(op.responses ?? {})) {
      const r = res.$ref ? resolveRef(res.$ref) : res;
      const t = r.schema ? tsType(r.schema, '      ') : status === '204' ? 'undefined' : 'unknown';
      emit(`      ${key(status)}: ${t};`);
    }
    emit('    };');
    emit('  };');
    const names = (where) => byIn(where).map((p) => p.name);
    const formats = (where) =>
      Object.fromEntries(
        byIn(where).map((p) => [p.name, p.type === 'array' ? (p.collectionFormat ?? 'csv') : 'single']),
      );
    meta.push({
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      pathParams: names('path'),
      query: formats('query'),
      headers: formats('header'),
      form: names('formData'),
      body: Boolean(bodyParam),
      produces: op.produces ?? spec.produces ?? ['application/json'],
    });
  }
}
emit('}');
emit();
emit('/** How a parameter value is serialised: one value, comma-joined, or repeated (`multi`). */');
emit("export type ParamFormat = 'single' | 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';");
emit();
emit('/** What the client needs at run time to build a request for an operation. */');
emit('export interface OperationMeta {');
emit('  readonly method: string;');
emit('  readonly path: string;');
emit('  readonly pathParams: readonly string[];');
emit('  readonly query: Readonly<Record<string, ParamFormat>>;');
emit('  readonly headers: Readonly<Record<string, ParamFormat>>;');
emit('  readonly form: readonly string[];');
emit('  readonly body: boolean;');
emit('  readonly produces: readonly string[];');
emit('}');
emit();
emit('export const kohaOperations = {');
for (const m of meta) {
  const { id, ...rest } = m;
  emit(`  ${key(id)}: ${JSON.stringify(rest)},`);
}
emit('} as const satisfies Record<keyof KohaOperations, OperationMeta>;');
emit();
emit('export type KohaOperationId = keyof KohaOperations;');

writeFileSync(outPath, `${lines.filter((l) => l !== undefined).join('\n')}\n`);
// The output is left as generated (Biome skips generated/), so it is the same wherever it is written.
process.stdout.write(
  `wrote ${relative(process.cwd(), outPath)}: ${meta.length} operations, ${Object.keys(spec.definitions ?? {}).length} definitions\n`,
);
