// The graphql-js instance Apollo Server uses. graphql@16 ships CJS (main) and ESM (module) builds without an
// "exports" map: Node (and Apollo) load the CJS build, while Vite/Vitest would hand our source the ESM build,
// and graphql-js refuses objects from "another module or realm". Loading it with require pins the CJS build
// everywhere, so schema objects, errors and scalars made here are the ones Apollo's copy recognises.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const graphql = require('graphql') as typeof import('graphql');

export const { GraphQLError, GraphQLScalarType, Kind, getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType, valueFromAST } = graphql;
export type GraphQLError = import('graphql').GraphQLError;
