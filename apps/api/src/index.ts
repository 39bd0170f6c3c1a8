// Public API of @convergent/api. Each area adds its own export lines.

// database (Prisma client over PostgreSQL or the embedded PGlite, migrations at open)
export { openDatabase, parseDatabaseUrl, DEFAULT_DATA_DIR, type Database, type OpenDatabaseOptions } from './db/database.ts';
export { migrate, readMigrations, MIGRATIONS_DIR } from './db/migrate.ts';
export { onShutdownSignal } from './db/shutdown.ts';
export { createTestDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from './db/test-databases.ts';
export type * from './generated/prisma/client.ts';

// GraphQL API server, auth (H7)
export { startApiServer, type ApiServer, type StartApiServerOptions } from './http/server.ts';
export { ensureLocalTeam, LOCAL_TEAM_NAME, type LocalTeam, type LocalTeamOptions } from './auth/local-team.ts';
export { createApiToken, authenticateToken, hashToken, type AuthenticatedTeam } from './auth/tokens.ts';
export { createSignInCode, exchangeSignInCode, SignInError, SIGN_IN_CODE_TTL_MS, SESSION_TTL_MS } from './auth/sessions.ts';
export { signInPath } from './auth/team-admin.ts';
export { teamCommand, tokenCommand, TEAM_USAGE, TOKEN_USAGE } from './auth/team-command.ts';
export type { ApiServices, ImportActivationsRequest } from './graphql/context.ts';

// jobs (pg-boss queue + Job rows) and the worker behind `convergent worker` and the API's embedded worker
export { startWorker, runWorker, type WorkerOptions, type WorkerHandle } from './jobs/worker.ts';
export { startBoss, enqueueJob, QUEUE_NAMES, type EnqueueInput } from './jobs/queue.ts';
export { cancelJob, retryJob } from './jobs/job-control.ts';
export { createJobServices, type JobServices } from './jobs/services.ts';

// import of `convergent experiment run` result directories
export { importResult, type ImportResultOptions, type ImportResultOutcome } from './import/import-result.ts';
export { workerCommand, WORKER_USAGE } from './jobs/worker-command.ts';
export { embeddedDatabaseUrl } from './db/database.ts';
