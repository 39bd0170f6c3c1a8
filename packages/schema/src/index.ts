// Public API of @convergent/schema: the GraphQL SDL (as a string, no fs needed) and the types generated from it.
export { typeDefs } from './sdl.generated.ts';
export type * from './generated/graphql.ts';
