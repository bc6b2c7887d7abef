import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problemType } from './problem-document.js';

/** PostgreSQL / driver failures that mean "the database is unreachable", not "the request is wrong". */
const UNAVAILABLE_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError && driverError !== error) return isDatabaseUnavailable(driverError);
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(
    error.message,
  );
}

/**
 * An error as it may be logged: driver errors carry the query's parameters (case text, contacts),
 * which must never reach the logs.
 */
function loggable(exception: unknown): unknown {
  if (!(exception instanceof Error)) return exception;
  const { code } = exception as { code?: unknown };
  return { type: exception.name, message: exception.message, code, stack: exception.stack };
}

/** PostgreSQL data exceptions (class 22): a value of the request the database cannot take (out of range…). */
function isDataException(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Fastify's body-parsing failures (malformed or empty JSON) arrive as a 400 with the Fastify error as cause. */
function isMalformedBody(exception: HttpException): boolean {
  const cause = exception.cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return (
    exception.getStatus() === 400 &&
    (cause instanceof SyntaxError || (typeof code === 'string' && code.startsWith('FST_ERR_CTP_')))
  );
}

const HTTP_PROBLEM_TYPES: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/**
 * Turns every error into an RFC 9457 problem answer. Typed domain failures carry their own
 * mapping; framework errors (unknown route, body too large, malformed JSON) keep their status;
 * anything else is logged once with its stack and answered 500 without internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(exception);
    problem.instance = request.url;
    const requestId = request.id;
    problem.requestId = requestId;
    if (problem.status >= 500) {
      this.logger.error({ err: loggable(exception), requestId }, 'request failed');
    }
    if (reply.sent) return;
    void reply
      .status(problem.status)
      .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' })
      .send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): { problem: ProblemDocument; headers: Record<string, string> } {
    if (exception instanceof DomainException) {
      const spec = exception.toProblem();
      return {
        problem: {
          type: problemType(spec.type),
          title: spec.title,
          status: spec.status,
          detail: exception.message,
          ...spec.extensions,
        },
        headers: spec.headers ?? {},
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const slug = isMalformedBody(exception)
        ? 'malformed-body'
        : (HTTP_PROBLEM_TYPES[status] ?? (status >= 500 ? 'internal-error' : 'http-error'));
      const detail = status >= 500 ? undefined : this.httpDetail(exception, status);
      return {
        problem: { type: problemType(slug), title: STATUS_CODES[status] ?? 'Error', status, detail },
        headers: {},
      };
    }
    if (isDataException(exception)) {
      return {
        problem: {
          type: problemType('invalid-value'),
          title: 'A value of the request cannot be used',
          status: HttpStatus.BAD_REQUEST,
          detail: 'A value is out of range or malformed for what it is stored as.',
        },
        headers: {},
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        problem: {
          type: problemType('service-unavailable'),
          title: 'Service temporarily unavailable',
          status: HttpStatus.SERVICE_UNAVAILABLE,
          detail: 'The database cannot be reached; retry shortly.',
        },
        headers: { 'retry-after': '5' },
      };
    }
    return {
      problem: {
        type: problemType('internal-error'),
        title: 'Internal Server Error',
        status: HttpStatus.INTERNAL_SERVER_ERROR,
        detail: 'An unexpected error occurred; it has been logged.',
      },
      headers: {},
    };
  }

  private httpDetail(exception: HttpException, status: number): string {
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof response === 'object' && response !== null && 'message' in response
          ? response.message
          : exception.message;
    if (status === 413) return 'The request body is larger than this service accepts.';
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
    return exception.message;
  }
}
