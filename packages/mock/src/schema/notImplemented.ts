import { isObjectType, type GraphQLSchema } from 'graphql';
import { MockStashError } from '../errors';

const NOT_IMPLEMENTED = Symbol('MockStash.notImplemented');

type Marked = ((...args: unknown[]) => never) & { [NOT_IMPLEMENTED]?: true };

/** The resolver (or subscribe function) of a root field the mock does not implement. */
export function notImplemented(typeName: string, fieldName: string): Marked {
  const message =
    typeName === 'Subscription'
      ? `MockStash: subscriptions (${fieldName}) are not implemented`
      : `MockStash: ${fieldName} is not implemented`;
  const fn: Marked = () => {
    throw new MockStashError(message);
  };
  fn[NOT_IMPLEMENTED] = true;
  return fn;
}

function marked(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as Marked)[NOT_IMPLEMENTED] === true;
}

/** `Type.field` of every root field that answers "not implemented" (kept equal to UNIMPLEMENTED.md by a test). */
export function unimplementedFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      const fn = root === schema.getSubscriptionType() ? field.subscribe : field.resolve;
      if (marked(fn)) out.push(`${root.name}.${field.name}`);
    }
  }
  return out;
}
