import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
import { PROBLEM_CONTENT_TYPE } from '../common/problems/problem-document.js';

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem document: the body of every error answer.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://casebridge.dev/problems/validation-failed' },
    title: { type: 'string', example: 'The request is invalid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'name: name must be longer than or equal to 1 characters' },
    instance: { type: 'string', example: '/v1/customers' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Validation problems: one entry per invalid field.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'contacts[0].email' }, message: { type: 'string' } },
      },
    },
  },
};

/** The OpenAPI document generated from the controllers and DTOs, with the problem answer of every error. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CaseBridge')
    .setDescription(
      'Support cases for the customers of a CSP reseller of Microsoft cloud services operated by 21Vianet: ' +
        'intake, triage, a 24/7 SLA clock, self-resolution, service health and escalation to 21Vianet. ' +
        'Every /v1 call needs `Authorization: Bearer <API key>`; every error is an RFC 9457 problem document.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A CaseBridge API key.' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      operation.responses.default = {
        description: 'An error, as a problem document.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}

export function serveOpenApi(app: INestApplication, version: string): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, version), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'CaseBridge API',
  });
}
