/**
 * `PluginApi.GQL`: Stash's graphql-codegen module (typescript-react-apollo). Its ~1,000 members are
 * typed by their name's pattern; pass the documents to the host's Apollo client or to its hooks.
 */
import type { DocumentNode } from 'graphql';

/** A generated enum object, e.g. `GQL.CriterionModifier.Equals === 'EQUALS'`. */
export type GeneratedEnum = { readonly [member: string]: string };

export interface RefetchQueryDescriptor {
  query: DocumentNode;
  variables?: Record<string, unknown>;
}

export interface StashGQLModule {
  readonly [document: `${string}Document`]: DocumentNode;
  readonly [fragment: `${string}FragmentDoc`]: DocumentNode;
  /** `use<Name>Query`, `use<Name>LazyQuery`, `use<Name>SuspenseQuery`, `use<Name>Mutation`, `use<Name>Subscription`. */
  readonly [hook: `use${string}`]: (...args: any[]) => any;
  readonly [refetch: `refetch${string}Query`]: (
    variables?: Record<string, unknown>,
  ) => RefetchQueryDescriptor;
  readonly CriterionModifier: GeneratedEnum;
  readonly FilterMode: GeneratedEnum;
  readonly GenderEnum: GeneratedEnum;
  readonly SortDirectionEnum: GeneratedEnum;
  readonly BulkUpdateIdMode: GeneratedEnum;
  readonly ResolutionEnum: GeneratedEnum;
  readonly OrientationEnum: GeneratedEnum;
  readonly CircumisedEnum: GeneratedEnum;
  readonly JobStatus: GeneratedEnum;
  readonly JobStatusUpdateType: GeneratedEnum;
  readonly LogLevel: GeneratedEnum;
  readonly PluginSettingTypeEnum: GeneratedEnum;
  readonly [name: string]: unknown;
}
