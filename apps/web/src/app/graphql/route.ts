// GraphQL for the dashboard's pages, forwarded to the API with the session of the cookie (see server/api-proxy.ts).
import type { NextRequest } from 'next/server';
import { forwardToApi } from '../../server/api-proxy.ts';

export const dynamic = 'force-dynamic';

export function POST(req: NextRequest): Promise<Response> {
  return forwardToApi(req, '/graphql');
}

export function GET(req: NextRequest): Promise<Response> {
  return forwardToApi(req, '/graphql');
}
