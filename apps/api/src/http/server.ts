// The API process's HTTP server: Apollo Server 5 (executeHTTPGraphQLRequest on plain node:http, no framework),
// the binary file routes, CORS for the dashboard, and token authentication in front of both.
//
//   POST|GET /graphql   GraphQL (Authorization: Bearer <token>)
//   GET /files/...      binary routes (see files.ts)
//   GET /health         liveness, no auth
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { typeDefs } from '@convergent/schema';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from '../graphql/graphql-runtime.ts';
import type { Database } from '../db/database.ts';
import { authenticateToken, tokenFromRequest, type AuthenticatedTeam } from '../auth/tokens.ts';
import { resolvers } from '../graphql/resolvers/index.ts';
import type { ApiContext, ApiServices } from '../graphql/context.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { DEFAULT_LIMITS, limitError, measureOperation, type QueryLimits } from '../graphql/limits.ts';
import { createFileLinks } from './file-links.ts';
import { createFileRoutes, HttpError } from './files.ts';
import { createJobServices } from '../jobs/services.ts';

export interface StartApiServerOptions {
  database: Database;
  /** Port to listen on; 0 picks a free one (default 4000). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Run a job worker inside the API process (default false here; `npm start` turns it on). */
  embeddedWorker?: boolean;
  /** Origins allowed by CORS (default: any http://127.0.0.1:<port> and http://localhost:<port>). */
  corsOrigins?: (string | RegExp)[];
  /** Folders importResult / importActivations may read from (default: the working directory). */
  importRoots?: string[];
  /** Public origin used in file URLs (default http://<host>:<port>). */
  publicUrl?: string;
  /** Key signing file URLs; share it between API processes behind one address (default: random). */
  fileKey?: string;
  limits?: Partial<QueryLimits>;
  /** Replace the job/import services (default: pg-boss jobs and the result importer on this database). */
  services?: ApiServices;
  /** Log lines (default: none). */
  log?: (message: string) => void;
}

export interface ApiServer {
  url: string;
  graphqlUrl: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_CORS = [/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/];
const MAX_BODY = 1 << 20;
/** How long a token's team is remembered (a revoked token stops working at most this much later). */
export const AUTH_TTL_MS = 10_000;

/** Apollo plugin: depth and cost limits with the request's variables, before execution. */
function limitsPlugin(limits: QueryLimits): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const err = limitError(measureOperation(schema, document, operation, request.variables ?? {}), limits);
          if (err) throw err;
        },
      };
    },
  };
}

/** Errors without one of our codes are internal: log them and show no details to the client. */
function formatError(log: (m: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      log(`internal error: ${(original as Error)?.stack ?? String(original)}`);
      return { message: 'Internal server error (logged on the API server)', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'BAD_USER_INPUT', `request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}

export async function startApiServer(options: StartApiServerOptions): Promise<ApiServer> {
  const log = options.log ?? (() => {});
  const prisma = options.database.prisma;
  const read = options.database.read;
  const host = options.host ?? '127.0.0.1';
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const corsOrigins = options.corsOrigins ?? DEFAULT_CORS;
  const importRoots = (options.importRoots ?? [process.cwd()]).map((r) => path.resolve(r));
  // Default: pg-boss jobs and the result importer on this database (apps/api/src/jobs); closed with the server.
  const ownServices = options.services ? null : createJobServices(options.database);
  const services: ApiServices = options.services ?? ownServices!;

  const apollo = new ApolloServer<ApiContext>({
    typeDefs,
    resolvers: resolvers as never,
    // No HTTP cache hints or federated traces: measured per-field overhead on every request, and unused here.
    plugins: [limitsPlugin(limits), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
  await apollo.start();

  // Token -> team, remembered for a few seconds (one query less per request; a revoked token stops working
  // within AUTH_TTL_MS).
  const authSeen = new Map<string, { auth: AuthenticatedTeam | null; until: number }>();
  async function authCache(token: string): Promise<AuthenticatedTeam | null> {
    const now = Date.now();
    const hit = authSeen.get(token);
    if (hit && hit.until > now) return hit.auth;
    const auth = await authenticateToken(prisma, token);
    if (authSeen.size >= 1000) authSeen.clear();
    authSeen.set(token, { auth, until: now + (auth ? AUTH_TTL_MS : 1000) });
    return auth;
  }

  // Links need the final port; set once listening.
  let links = createFileLinks({ baseUrl: options.publicUrl ?? `http://${host}:0`, key: options.fileKey });
  let files = createFileRoutes(prisma, links);

  function cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && corsOrigins.some((o) => (typeof o === 'string' ? o === origin : o.test(origin)))) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-max-age', '600');
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const token = tokenFromRequest(req.headers.authorization, null);
    if (!token) {
      sendJsonError(res, 401, 'UNAUTHENTICATED', 'missing API token: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' });
      return;
    }
    const auth = await authCache(token);
    if (!auth) {
      sendJsonError(res, 401, 'UNAUTHENTICATED', 'invalid, revoked or expired API token', { 'www-authenticate': 'Bearer' });
      return;
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        sendJsonError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async (): Promise<ApiContext> => ({
        prisma,
        read,
        teamId: auth.teamId,
        teamName: auth.teamName,
        tokenName: auth.tokenName,
        loaders: createLoaders(read, auth.teamId),
        links,
        services,
        importRoots,
      }),
    });
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    cors(req, res);
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
      } else if (url.pathname === '/graphql') {
        await graphql(req, res, url);
      } else if (url.pathname.startsWith('/files/')) {
        await files.handle(req, res, url);
      } else if (url.pathname === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else {
        sendJsonError(res, 404, 'NOT_FOUND', `no route ${url.pathname}; the GraphQL endpoint is /graphql`);
      }
    };
    handle().catch((err: unknown) => {
      if (req.destroyed || (err as Error)?.message === 'aborted') return; // the client went away
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) sendJsonError(res, err.status, err.code, err.message);
      else {
        log(`internal error on ${req.method} ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
        sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error (logged on the API server)');
      }
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = options.publicUrl ?? `http://${host}:${port}`;
  links = createFileLinks({ baseUrl: url, key: options.fileKey });
  files = createFileRoutes(prisma, links);

  let worker: { stop(): Promise<void> } | null = null;
  if (options.embeddedWorker) worker = await services.startEmbeddedWorker();

  log(`API listening on ${url}/graphql`);
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    async close() {
      if (worker) await worker.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      if (ownServices) await ownServices.close();
    },
  };
}
