// The API's binary file routes (.npy, PNG) on the dashboard's origin: signed links from GraphQL work as they are,
// and the session of the cookie opens files whose links have expired (see server/api-proxy.ts).
import type { NextRequest } from 'next/server';
import { forwardToApi, jsonError } from '../../../server/api-proxy.ts';

export const dynamic = 'force-dynamic';

async function handle(req: NextRequest, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  if (!path.every((p) => /^[A-Za-z0-9_.{}-]{1,64}$/.test(p) && p !== '..' && p !== '.')) return jsonError(404, 'NOT_FOUND', 'no such file route');
  return forwardToApi(req, `/files/${path.join('/')}`);
}

export const GET = handle;
export const HEAD = handle;
