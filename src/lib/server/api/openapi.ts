/**
 * The OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the forms and
 * endpoints validate with (z.toJSONSchema). Nothing here hand-writes a schema: each resource
 * family registers its zod schemas and operations in openapi.families.ts.
 */
import { z } from 'zod';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { FAMILIES, type Operation } from './openapi.families';

export const API_VERSION = '1.0.0';

type Json = Record<string, unknown>;

/** JSON Schema for OpenAPI 3.1 components: no per-schema $schema/$id, refs to components. */
function componentSchemas(entries: [string, z.ZodType][], io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const rest: Json = { ...s };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    })
  );
}

/** Query parameters from an object schema's properties (as the client sends them). */
function queryParameters(schema: z.ZodObject): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: 'query',
      required: (js.required ?? []).includes(name),
      schema: rest,
      ...(description ? { description } : {})
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input (code VALIDATION with `fields`, or BAD_REQUEST)',
  401: 'Not signed in (code UNAUTHENTICATED)',
  403: 'Signed in without the needed role (code FORBIDDEN)',
  404: 'Missing or outside your scope (code NOT_FOUND)',
  409: 'Conflicts with the current state (code CONFLICT)'
};

function operation(op: Operation): Json {
  const responses: Json = {
    [String(op.status ?? 200)]: {
      description: op.okDescription ?? 'OK',
      content: { 'application/json': { schema: ref(op.response) } }
    }
  };
  for (const code of op.errors) responses[String(code)] = { $ref: `#/components/responses/E${code}` };
  responses['500'] = { $ref: '#/components/responses/E500' };
  const out: Json = { operationId: op.id, tags: [op.tag], summary: op.summary, responses };
  const params: Json[] = [
    ...(op.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
  ];
  if (op.query) params.push(...queryParameters(op.query));
  if (params.length) out.parameters = params;
  if (op.body) out.requestBody = { required: true, content: { 'application/json': { schema: ref(op.body) } } };
  // Public operations override the document-wide bearer/cookie requirement.
  if (op.public) out.security = [];
  return out;
}

const errorSchema = z.object({
  error: z.object({
    code: z.enum([
      'VALIDATION',
      'BAD_REQUEST',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'INTERNAL',
      'UNAVAILABLE'
    ]),
    message: z.string().meta({ description: 'In the language of the request (Vietnamese by default)' }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Field name → message, for VALIDATION' })
  })
});

export function openApiDocument(): Json {
  const inputs: [string, z.ZodType][] = FAMILIES.flatMap((f) => Object.entries(f.inputs));
  const outputs: [string, z.ZodType][] = [
    ['Error', errorSchema],
    ...FAMILIES.flatMap((f) => Object.entries(f.outputs))
  ];
  const paths: Record<string, Json> = {};
  for (const op of FAMILIES.flatMap((f) => f.operations)) {
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation(op) };
  }
  const responses = Object.fromEntries(
    [...Object.entries(ERROR_TEXT), ['500', 'Unexpected failure (code INTERNAL); no details are disclosed']].map(
      ([code, description]) => [`E${code}`, { description, content: { 'application/json': { schema: ref('Error') } } }]
    )
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chung Sức API',
      version: API_VERSION,
      description: 'JSON API of Chung Sức. Scoped like the web pages: records outside your scope answer 404.'
    },
    servers: [{ url: '/' }],
    tags: FAMILIES.map((f) => ({ name: f.tag, description: f.description })),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: { ...componentSchemas(inputs, 'input'), ...componentSchemas(outputs, 'output') },
      responses,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token created by an administrator' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The web session cookie' }
      }
    }
  };
}
