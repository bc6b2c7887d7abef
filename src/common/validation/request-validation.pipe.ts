import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '../problems/problem-document.js';
import { RequestException, RequestExceptionCode } from '../problems/request-exception.js';

/** Flattens class-validator's nested errors into `contacts[0].email`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: error.constraints?.whitelistValidation === message ? 'is not a known field' : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The path of the first string containing U+0000 (PostgreSQL text cannot hold it), or null. */
function fieldWithNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = fieldWithNul(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The global pipe: bodies must be JSON objects, unknown fields are refused, values are
 * transformed to their DTO types, and every failure lists the fields at fault.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      // One message per field: the first rule it breaks.
      stopAtFirstError: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => RequestException.validation(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const withNul = fieldWithNul(value);
    if (withNul !== null) {
      throw RequestException.validation([
        { field: withNul || metadata.type, message: 'must not contain NUL characters' },
      ]);
    }
    const validatesClass = typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (
      metadata.type === 'body' &&
      validatesClass &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw new RequestException(
        RequestExceptionCode.MalformedBody,
        'The request body must be a JSON object.',
      );
    }
    return super.transform(value, metadata);
  }
}
