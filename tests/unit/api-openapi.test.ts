/**
 * The OpenAPI document is structurally valid: 3.1, every operation has responses with the
 * error shape, every $ref resolves, and the components hold the schemas generated from zod.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { GET } from '../../src/routes/api/v1/openapi.json/+server';

type Json = Record<string, any>;

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

const resolve = (doc: Json, ref: string) =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((n, part) => n?.[part], doc);

describe('OpenAPI document', () => {
  const doc = openApiDocument() as Json;

  it('is OpenAPI 3.1 with a bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents the unit, organisation and people endpoints', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/units/{id}',
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
        '/api/v1/people',
        '/api/v1/people/{id}'
      ])
    );
    // Units are public: the operation lifts the document-wide security requirement.
    expect(doc.paths['/api/v1/units'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/units'].get.parameters.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['level', 'at', 'q'])
    );
    expect(Object.keys(doc.paths['/api/v1/organisations'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/organisations/{id}'])).toEqual(['get', 'patch']);
  });

  it('gives every operation an id, success and error responses', () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(ops)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        ids.add(op.operationId);
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => c.startsWith('2')),
          `${method} ${path}`
        ).toBe(true);
        expect(codes).toContain('500');
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(op.parameters.some((p: Json) => p.in === 'path' && `{${p.name}}` === name)).toBe(true);
        }
        if (method === 'post' || method === 'patch')
          expect(op.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
      }
    }
    expect(ids.size).toBe(Object.values<Json>(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0));
  });

  it('resolves every $ref', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) expect(resolve(doc, ref), ref).toBeTruthy();
  });

  it('generates component schemas from the zod schemas', () => {
    const s = doc.components.schemas;
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'Error',
        'Organisation',
        'OrganisationCreate',
        'OrganisationPatch',
        'OrganisationList',
        'Person',
        'PersonInput',
        'Unit',
        'UnitList'
      ])
    );
    expect(s.OrganisationCreate.required).toEqual(
      expect.arrayContaining(['kind', 'type', 'name', 'admin_unit_id', 'valid_from'])
    );
    expect(s.OrganisationCreate.properties.type.enum).toContain('branch');
    expect(s.OrganisationPatch.required ?? []).toEqual([]);
    expect(s.Error.properties.error.properties.code.enum).toContain('NOT_FOUND');
    expect(s.Organisation.properties.successor).toBeTruthy();
    for (const schema of Object.values<Json>(s)) expect(schema.$schema).toBeUndefined();
  });

  it('turns the list filters into query parameters', () => {
    const params = doc.paths['/api/v1/organisations'].get.parameters.map((p: Json) => p.name);
    expect(params).toEqual(expect.arrayContaining(['kind', 'type', 'q', 'include_closed', 'as_of', 'page']));
  });

  it('is served as JSON', async () => {
    const res = await GET({} as never);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).openapi).toBe('3.1.0');
  });
});
