// The API process's HTTP server: Apollo Server 5 (executeHTTPGraphQLRequest on plain node:http, no framework),
// the binary file routes, the dashboard's sign-in exchange, CORS for the dashboard's origin, and credential
// authentication in front of them.
//
//   POST|GET /graphql   GraphQL (Authorization: Bearer <team token>, or Session <secret> from the dashboard server)
//   GET /files/...      binary routes (see files.ts)
//   POST /auth/...      sign-in code exchange and sign-out (see auth-routes.ts)
//   GET /health         liveness, no auth
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { typeDefs } from '@convergent/schema';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from '../graphql/graphql-runtime.ts';
import type { Database } from '../db/database.ts';
import { createAuthenticator } from '../auth/authenticator.ts';
import { FILE_LINK_KEY, serverKey } from '../auth/server-keys.ts';
import type { SqlRead } from '../db/sql-read.ts';
import { resolveSpecLimits, type SpecLimits } from '@convergent/engine/contracts';
import { resolvers } from '../graphql/resolvers/index.ts';
import type { ApiContext, ApiServices } from '../graphql/context.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { DEFAULT_LIMITS, limitError, measureOperation, tokenLimitError, type QueryLimits } from '../graphql/limits.ts';
import { DEFAULT_REQUEST_LIMITS, declaredBodyError, guardServer, readBody, sendAndClose, withDeadline, type RequestLimits } from './request-limits.ts';
import { createFileLinks } from '../auth/file-links.ts';
import { createFileRoutes, HttpError } from './files.ts';
import { createAuthRoutes } from './auth-routes.ts';
import { applySecurityHeaders, checkOrigins, DEFAULT_DASHBOARD_ORIGIN } from './security-headers.ts';
import { createJobServices } from '../jobs/services.ts';

export interface StartApiServerOptions {
  database: Database;
  /** Port to listen on; 0 picks a free one (default 4000). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Run a job worker inside the API process (default false here; `npm start` turns it on). */
  embeddedWorker?: boolean;
  /**
   * Origins allowed by CORS, exactly (default: the dashboard npm start serves, http://127.0.0.1:3000). The
   * dashboard itself reaches the API through its own server and needs none. Import roots are per team
   * (Team.importRoots, `convergent team import-roots`).
   */
  corsOrigins?: string[];
  /** Public origin used in file URLs (default http://<host>:<port>). */
  publicUrl?: string;
  /** Key signing file URLs (default: the one kept in the database, the same for every API process). */
  fileKey?: string;
  /** Lifetime of signed file URLs in seconds (default 1 h). */
  fileLinkTtlSeconds?: number;
  limits?: Partial<QueryLimits>;
  /** Body size, receive and execution timeouts (http/request-limits.ts). */
  requestLimits?: Partial<RequestLimits>;
  /** Plausibility limits for specs and imports (engine spec/limits.ts; the embedded worker uses them too). */
  specLimits?: Partial<SpecLimits>;
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

export { AUTH_TTL_MS } from '../auth/authenticator.ts';

/** Apollo plugin: depth, field, alias and cost limits with the request's variables, before execution. */
function limitsPlugin(limits: QueryLimits): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const err = limitError(measureOperation(schema, document, operation, request.variables ?? {}, limits), limits);
          if (err) throw err;
        },
      };
    },
  };
}

/** Errors without one of our codes are internal: log them and show no details to the client. */
function formatError(log: (m: string) => void, limits: QueryLimits) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    const tooLarge = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(formatted.message, limits) : null;
    if (tooLarge) return { message: tooLarge.message, extensions: { code: 'QUERY_TOO_LARGE', maxTokens: limits.maxTokens } };
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      log(`internal error: ${(original as Error)?.stack ?? String(original)}`);
      return { message: 'Internal server error (logged on the API server)', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
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
  const requestLimits: RequestLimits = { ...DEFAULT_REQUEST_LIMITS, ...options.requestLimits };
  const specLimits = resolveSpecLimits(options.specLimits);
  const corsOrigins = checkOrigins(options.corsOrigins ?? [DEFAULT_DASHBOARD_ORIGIN]);
  // Default: pg-boss jobs and the result importer on this database (apps/api/src/jobs); closed with the server.
  const ownServices = options.services ? null : createJobServices(options.database, { ...(options.specLimits ? { specLimits: options.specLimits } : {}), ...(options.log ? { log: (m: string) => log(`worker: ${m}`) } : {}) });
  const services: ApiServices = options.services ?? ownServices!;

  const apollo = new ApolloServer<ApiContext>({
    typeDefs,
    resolvers: resolvers as never,
    // No HTTP cache hints or federated traces: measured per-field overhead on every request, and unused here.
    plugins: [limitsPlugin(limits), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
    formatError: formatError(log, limits),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Parsing stops at maxTokens, which also bounds validation's work.
    parseOptions: { maxTokens: limits.maxTokens },
    // Shutdown belongs to the process (scripts/start, `convergent worker`): Apollo's own handler would re-send the
    // signal after stopping and end the process before the database is closed.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  // Credential -> team, remembered for a few seconds (see auth/authenticator.ts).
  const authenticator = createAuthenticator(prisma);
  const fileKey = options.fileKey ?? (await serverKey(prisma, FILE_LINK_KEY));
  const linkOptions = { key: fileKey, ...(options.fileLinkTtlSeconds ? { ttlSeconds: options.fileLinkTtlSeconds } : {}) };
  // Links need the final port; set once listening.
  let links = createFileLinks({ baseUrl: options.publicUrl ?? `http://${host}:0`, ...linkOptions });
  let files = createFileRoutes(prisma, links, authenticator);
  const authRoutes = createAuthRoutes(prisma, authenticator);

  // Runs under the request's deadline (authentication, body and execution): past it, `signal` aborts.
  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, signal: AbortSignal): Promise<void> {
    const oversized = req.method === 'POST' ? declaredBodyError(req, requestLimits) : null;
    if (oversized) throw oversized;
    const presented = await authenticator.fromHeader(req.headers.authorization);
    if (!presented.ok) {
      sendJsonError(res, 401, 'UNAUTHENTICATED', presented.message, { 'www-authenticate': 'Bearer' });
      return;
    }
    const auth = presented.auth;
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, requestLimits);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        sendJsonError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        return;
      }
    }
    // Past the deadline the request's remaining reads are not sent.
    const bounded: SqlRead = (text, values) => (signal.aborted ? Promise.reject(signal.reason) : read(text, values));
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async (): Promise<ApiContext> => ({
        prisma,
        read: bounded,
        signal,
        teamId: auth.teamId,
        teamName: auth.teamName,
        tokenName: auth.tokenName,
        credential: auth,
        authenticator,
        loaders: createLoaders(bounded, auth.teamId),
        links: links.forCredential(auth.tokenId),
        services,
        importRoots: auth.importRoots,
        specLimits,
      }),
    });
    if (signal.aborted) return; // the client already has its 503
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
    applySecurityHeaders(req, res, corsOrigins);
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
      } else if (url.pathname === '/graphql') {
        await withDeadline(requestLimits.requestTimeoutMs, (signal) => graphql(req, res, url, signal));
      } else if (url.pathname.startsWith('/files/')) {
        await files.handle(req, res, url);
      } else if (url.pathname.startsWith('/auth/')) {
        await authRoutes.handle(req, res, url);
      } else if (url.pathname === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else {
        sendJsonError(res, 404, 'NOT_FOUND', `no route ${url.pathname}; the GraphQL endpoint is /graphql`);
      }
    };
    handle().catch((err: unknown) => {
      // The client went away (a request whose body was read is destroyed too, so ask the response's socket).
      if (res.destroyed || res.writableEnded || !res.socket || res.socket.destroyed || (err as Error)?.message === 'aborted') return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError && err.status === 413) sendAndClose(req, res, 413, JSON.stringify({ errors: [{ message: err.message, extensions: { code: err.code } }] }));
      else if (err instanceof HttpError) sendJsonError(res, err.status, err.code, err.message);
      else {
        log(`internal error on ${req.method} ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
        sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error (logged on the API server)');
      }
    });
  });
  server.keepAliveTimeout = 5000;
  guardServer(server, requestLimits, (req, res, err) => sendAndClose(req, res, err.status, JSON.stringify({ errors: [{ message: err.message, extensions: { code: err.code } }] })));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = options.publicUrl ?? `http://${host}:${port}`;
  links = createFileLinks({ baseUrl: url, ...linkOptions });
  files = createFileRoutes(prisma, links, authenticator);

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
