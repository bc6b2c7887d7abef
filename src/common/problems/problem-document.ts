/** One invalid field of a request, as listed in a validation problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document, the body of every error answer. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are stable identifiers clients may switch on. */
export function problemType(slug: string): string {
  return `https://casebridge.dev/problems/${slug}`;
}
