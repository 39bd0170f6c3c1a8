// Liveness of the dashboard server (npm start and the tests wait for it). Says nothing about the API.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
