// Team administration over GraphQL (the dashboard's Settings page): the team's tokens, sessions and sign-in links,
// for ADMIN credentials only (FORBIDDEN otherwise). The work itself is in auth/team-admin.ts, shared with the CLI.
import type { CredentialResolvers, MutationResolvers, TeamResolvers } from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import { apiError, badInput, notFound } from '../errors.ts';
import { pageOf, toConnection } from '../connection.ts';
import { createSignInLink, createToken, listCredentials, revokeCredential, TeamAdminError } from '../../auth/team-admin.ts';

function requireAdmin(ctx: ApiContext, what: string): void {
  if (ctx.credential.role !== 'ADMIN') {
    throw apiError('FORBIDDEN', `only team admins can ${what}; this ${ctx.credential.kind === 'SESSION' ? 'session' : 'token'} (“${ctx.tokenName}”) has role MEMBER`);
  }
}

async function adminCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TeamAdminError) throw badInput(err.message);
    throw err;
  }
}

export const Credential: CredentialResolvers<ApiContext> = {
  current: (c, _a, ctx) => c.id === ctx.credential.tokenId,
};

export const TeamAdminFields: Pick<TeamResolvers<ApiContext>, 'importRoots' | 'credentials'> = {
  importRoots: async (t, _a, ctx) => (await ctx.prisma.team.findUnique({ where: { id: t.id }, select: { importRoots: true } }))?.importRoots ?? [],
  credentials: async (t, args, ctx) => {
    requireAdmin(ctx, 'list the team’s tokens and sessions');
    const page = pageOf(args.first, args.after, 50);
    const { rows, count } = await listCredentials(ctx.prisma, t.id, { kind: args.kind ?? null, includeInactive: args.includeInactive ?? false, skip: page.skip, take: page.take });
    return toConnection(rows, page, count);
  },
};

export const TeamAdminMutations: Pick<MutationResolvers<ApiContext>, 'createToken' | 'revokeCredential' | 'createSignInLink'> = {
  createToken: async (_p, { input }, ctx) => {
    requireAdmin(ctx, 'create tokens');
    return adminCall(() => createToken(ctx.prisma, ctx.teamId, { name: input.name, role: input.role, expiresInDays: input.expiresInDays ?? null }));
  },
  revokeCredential: async (_p, { id }, ctx) => {
    // Anyone may end their own session or token; everything else is for admins.
    if (id !== ctx.credential.tokenId) requireAdmin(ctx, 'revoke other tokens or sessions');
    // By id only here (the CLI also takes prefixes); another team's id is simply not found.
    const own = await ctx.prisma.apiToken.findFirst({ where: { id, teamId: ctx.teamId }, select: { id: true } });
    if (!own) throw notFound('Credential', id);
    const row = await adminCall(() => revokeCredential(ctx.prisma, ctx.teamId, own.id));
    ctx.authenticator.forget(row.id);
    return row;
  },
  createSignInLink: async (_p, { input }, ctx) => {
    requireAdmin(ctx, 'create sign-in links');
    return adminCall(() => createSignInLink(ctx.prisma, ctx.teamId, { name: input.name, role: input.role }));
  },
};
