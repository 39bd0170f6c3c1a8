// Errors every client can branch on: each carries extensions.code (the schema's documented set).
import { GraphQLError } from './graphql-runtime.ts';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR';

export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const notFound = (what: string, id: string): GraphQLError =>
  apiError('NOT_FOUND', `${what} ${JSON.stringify(id)} not found (unknown id, or it belongs to another team)`, { id });

export const badInput = (message: string, extra: Record<string, unknown> = {}): GraphQLError =>
  apiError('BAD_USER_INPUT', message, extra);
