/**
 * Registration point for the OpenAPI document: each resource family under /api/v1 lists its
 * zod schemas (inputs are described as clients send them, outputs as the server returns them)
 * and its operations. A new endpoint family adds one entry to FAMILIES.
 */
import { z } from 'zod';
import {
  organisationCloseSchema,
  organisationCreateSchema,
  organisationListSchema,
  organisationPatchSchema,
  organisationSchema,
  orgQuerySchema
} from '$lib/server/org/organisation.schema';
import { unitDetailSchema, unitListSchema, unitQuerySchema, unitSchema } from '$lib/server/geo/unit.schema';
import {
  personInputSchema,
  personPatchSchema,
  personQuerySchema,
  personSchema
} from '$lib/server/people/person.schema';

export interface Operation {
  id: string;
  tag: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  pathParams?: string[];
  query?: z.ZodObject;
  /** component name of the request body (an input schema) */
  body?: string;
  /** component name of the success body (an output schema) */
  response: string;
  status?: number;
  okDescription?: string;
  errors: number[];
  public?: boolean;
}

export interface Family {
  tag: string;
  description: string;
  inputs: Record<string, z.ZodType>;
  outputs: Record<string, z.ZodType>;
  operations: Operation[];
}

const listOf = (item: z.ZodType) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), page_size: z.number().int() });

const organisations: Family = {
  tag: 'organisations',
  description: 'Association bodies and agencies, with validity periods and successors',
  inputs: {
    OrganisationCreate: organisationCreateSchema,
    OrganisationPatch: organisationPatchSchema,
    OrganisationClose: organisationCloseSchema
  },
  outputs: { Organisation: organisationSchema, OrganisationList: organisationListSchema },
  operations: [
    {
      id: 'listOrganisations',
      tag: 'organisations',
      method: 'get',
      path: '/api/v1/organisations',
      summary: 'Organisations in your scope',
      query: orgQuerySchema,
      response: 'OrganisationList',
      errors: [400, 401, 403]
    },
    {
      id: 'createOrganisation',
      tag: 'organisations',
      method: 'post',
      path: '/api/v1/organisations',
      summary: 'Create an organisation under a parent you may write',
      body: 'OrganisationCreate',
      response: 'Organisation',
      status: 201,
      okDescription: 'Created',
      errors: [400, 401, 403]
    },
    {
      id: 'getOrganisation',
      tag: 'organisations',
      method: 'get',
      path: '/api/v1/organisations/{id}',
      summary: 'One organisation',
      pathParams: ['id'],
      response: 'Organisation',
      errors: [401, 403, 404]
    },
    {
      id: 'updateOrganisation',
      tag: 'organisations',
      method: 'patch',
      path: '/api/v1/organisations/{id}',
      summary: 'Change some fields',
      pathParams: ['id'],
      body: 'OrganisationPatch',
      response: 'Organisation',
      errors: [400, 401, 403, 404]
    },
    {
      id: 'closeOrganisation',
      tag: 'organisations',
      method: 'post',
      path: '/api/v1/organisations/{id}/close',
      summary: 'Close, optionally naming a successor',
      pathParams: ['id'],
      body: 'OrganisationClose',
      response: 'Organisation',
      errors: [400, 401, 403, 404, 409]
    }
  ]
};

const people: Family = {
  tag: 'people',
  description: 'People and members kept by a branch; sensitive fields are never included',
  inputs: { PersonInput: personInputSchema, PersonPatch: personPatchSchema },
  outputs: { Person: personSchema, PersonList: listOf(personSchema) },
  operations: [
    {
      id: 'listPeople',
      tag: 'people',
      method: 'get',
      path: '/api/v1/people',
      summary: 'People in your scope',
      query: personQuerySchema,
      response: 'PersonList',
      errors: [400, 401, 403]
    },
    {
      id: 'createPerson',
      tag: 'people',
      method: 'post',
      path: '/api/v1/people',
      summary: 'Add a person',
      body: 'PersonInput',
      response: 'Person',
      status: 201,
      okDescription: 'Created',
      errors: [400, 401, 403, 404]
    },
    {
      id: 'getPerson',
      tag: 'people',
      method: 'get',
      path: '/api/v1/people/{id}',
      summary: 'One person',
      pathParams: ['id'],
      response: 'Person',
      errors: [401, 403, 404]
    },
    {
      id: 'updatePerson',
      tag: 'people',
      method: 'patch',
      path: '/api/v1/people/{id}',
      summary: 'Change some fields',
      pathParams: ['id'],
      body: 'PersonPatch',
      response: 'Person',
      errors: [400, 401, 403, 404]
    }
  ]
};

const units: Family = {
  tag: 'units',
  description: 'Versioned administrative units (public, no sign-in needed)',
  inputs: {},
  outputs: { Unit: unitSchema, UnitList: unitListSchema, UnitDetail: unitDetailSchema },
  operations: [
    {
      id: 'listUnits',
      tag: 'units',
      method: 'get',
      path: '/api/v1/units',
      summary: 'Units valid on a date',
      query: unitQuerySchema,
      response: 'UnitList',
      errors: [400],
      public: true
    },
    {
      id: 'getUnit',
      tag: 'units',
      method: 'get',
      path: '/api/v1/units/{id}',
      summary: 'One unit version with its predecessors and successors',
      pathParams: ['id'],
      response: 'UnitDetail',
      errors: [404],
      public: true
    }
  ]
};

export const FAMILIES: Family[] = [units, organisations, people];
