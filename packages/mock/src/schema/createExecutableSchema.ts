import {
  buildSchema,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { STASH_SDL } from '../generated/schema';
import type { ResolverContext } from '../resolvers/context';
import { entityResolvers } from '../resolvers/entityResolvers';
import { jobSubscriptions } from '../resolvers/jobResolvers';
import { mutationResolvers } from '../resolvers/mutationResolvers';
import { queryResolvers } from '../resolvers/queryResolvers';
import { notImplemented } from './notImplemented';

let cached: GraphQLSchema | null = null;

/** Concrete GraphQL type of a file row (BaseFile interface, VisualFile union). */
function resolveFileType(row: { typename?: string }): string | undefined {
  return row.typename;
}

/**
 * The real Stash schema (from the generated SDL; nothing read at run time) with the mock's
 * resolvers attached. Built once per process: resolvers take all state from the context.
 */
export function createExecutableSchema(): GraphQLSchema {
  if (cached) return cached;
  const schema = buildSchema(STASH_SDL);

  for (const [typeName, fields] of Object.entries(entityResolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type))
      throw new Error(`MockStash: resolvers given for ${typeName}, which is not an object type`);
    const defs = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (!defs[fieldName]) continue;
      defs[fieldName].resolve = resolve as GraphQLFieldResolver<unknown, ResolverContext>;
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type) || isUnionType(type)) {
      if (type.name === 'BaseFile' || type.name === 'VisualFile') type.resolveType = resolveFileType;
    }
  }

  const roots: [ReturnType<GraphQLSchema['getQueryType']>, Record<string, unknown>][] = [
    [schema.getQueryType(), queryResolvers],
    [schema.getMutationType(), mutationResolvers],
  ];
  for (const [root, resolvers] of roots) {
    if (!root) continue;
    const isMutation = root === schema.getMutationType();
    for (const field of Object.values(root.getFields())) {
      const resolve = resolvers[field.name] as GraphQLFieldResolver<unknown, ResolverContext> | undefined;
      if (!resolve) {
        field.resolve = notImplemented(root.name, field.name);
      } else if (isMutation) {
        // Each mutation is all-or-nothing, like Stash's per-mutation transaction.
        field.resolve = (source, args, ctx: ResolverContext, info) =>
          ctx.db.transaction(() => resolve(source, args, ctx, info));
      } else {
        field.resolve = resolve;
      }
    }
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    for (const field of Object.values(subscription.getFields())) {
      const resolvers = jobSubscriptions[field.name];
      if (resolvers) {
        field.subscribe = resolvers.subscribe as GraphQLFieldResolver<unknown, ResolverContext>;
        // Each event is the field's value itself.
        field.resolve = (payload) => payload;
      } else {
        field.subscribe = notImplemented(subscription.name, field.name);
      }
    }
  }
  cached = schema;
  return schema;
}
