export const mutationResolvers: Record<string, unknown> = {};
