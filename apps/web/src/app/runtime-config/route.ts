// Runtime configuration for the browser: the API URL of this deployment, read from the environment of the
// `next start` process at request time (so one build serves any API without rebuilding).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const apiUrl = process.env.CONVERGENT_API_URL;
  return Response.json({ apiUrl: apiUrl && apiUrl.length > 0 ? apiUrl : null }, { headers: { 'cache-control': 'no-store' } });
}
