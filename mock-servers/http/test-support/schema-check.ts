/**
 * A small JSON Schema checker for the part of JSON Schema 2020-12 the API's OpenAPI document
 * uses: $ref (local), allOf, oneOf, type (one or several), enum, properties, required, items,
 * minimum, maximum and format date-time. It returns every mismatch with its JSON path, so a
 * failing test says where a response and its description part ways.
 */
type Schema = Record<string, unknown>;

export function checkSchema(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return checkSchema(value, resolve(schema.$ref, root), root, path);
  const errors: string[] = [];
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) errors.push(...checkSchema(value, part, root, path));
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((part) => checkSchema(value, part, root, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of the oneOf schemas, not exactly 1`);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) return [...errors, `${path}: expected ${types.join(' or ')}, got ${describe(value)}`];
  }
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).some((allowed) => allowed === value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} is below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} is above ${schema.maximum}`);
  }
  if (typeof value === 'string' && schema.format === 'date-time' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
    errors.push(`${path}: "${value}" is not a date-time`);
  }
  if (isObject(value)) {
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in value)) errors.push(`${path}: "${name}" is missing`);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [name, property] of Object.entries(properties)) {
      if (name in value) errors.push(...checkSchema(value[name], property, root, `${path}.${name}`));
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, index) => errors.push(...checkSchema(item, schema.items as Schema, root, `${path}[${index}]`)));
  return errors;
}

/** The schema of one response in an OpenAPI document, or an error naming what is not described. */
export function responseSchema(document: Schema, path: string, method: string, status: number, mediaType: string): Schema {
  const operation = ((document.paths as Record<string, Record<string, Schema>>)[path] ?? {})[method.toLowerCase()];
  if (!operation) throw new Error(`The OpenAPI document does not describe ${method} ${path}`);
  const response = (operation.responses as Record<string, Schema>)[String(status)];
  if (!response) throw new Error(`The OpenAPI document does not describe status ${status} of ${method} ${path}`);
  const content = response.content as Record<string, { schema: Schema }> | undefined;
  const described = content?.[mediaType] ?? content?.['*/*'];
  if (!described) throw new Error(`The OpenAPI document does not describe ${mediaType} for ${status} of ${method} ${path} (it has ${Object.keys(content ?? {}).join(', ') || 'no body'})`);
  return described.schema;
}

function resolve(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, not ${ref}`);
  let node: unknown = root;
  for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[key];
  if (!isObject(node)) throw new Error(`${ref} points at nothing`);
  return node;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
