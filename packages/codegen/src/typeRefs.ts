/** Small helpers over graphql-js types shared by the model builders. */
import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { SKIPPED_TYPES } from './modelRules.ts';

export interface TypeShape {
  /** Named type without wrappers. */
  type: string;
  /** Printed type (`[Tag!]!`). */
  ref: string;
  list: boolean;
  /** Non-null at the outer level. */
  nonNull: boolean;
}

export function typeShape(t: GraphQLType): TypeShape {
  return {
    type: getNamedType(t).name,
    ref: String(t),
    list: isListType(getNullableType(t)),
    nonNull: isNonNullType(t),
  };
}

/** True for fields, arguments and input fields typed with a deprecated alias (`Movie`). */
export function isSkipped(t: GraphQLType): boolean {
  return SKIPPED_TYPES.has(getNamedType(t).name);
}

export function namedOf(t: GraphQLType): GraphQLNamedType {
  return getNamedType(t);
}

/** `Gallery` -> `Galleries`, `Scene` -> `Scenes`. */
export function plural(name: string): string {
  return /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** `SceneMarker` -> `scene_marker`. */
export function snakeCase(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
