/**
 * The option keys of each hook and the type of each, checked on every render before the observer
 * sees them (as store calls check theirs): a typo or a wrongly typed option throws a
 * `StashValidationError` naming the hook, the key and the value, before any request. Hooks take no
 * `signal`: unmounting (or changing options) aborts their request.
 */
import { booleanOption, CALL_OPTIONS, checkOptions, fieldsOption, type OptionSpec } from '@stashkit/core';

function withoutSignal(spec: OptionSpec): OptionSpec {
  const { signal: _signal, ...rest } = spec;
  return rest;
}

const enabled = { enabled: booleanOption };

export const HOOK_OPTIONS = {
  useEntity: { fields: fieldsOption, suspense: booleanOption, ...enabled },
  usePopulate: { suspense: booleanOption, ...enabled },
  useFind: { ...withoutSignal(CALL_OPTIONS.find), ...enabled },
  useFindIter: { ...withoutSignal(CALL_OPTIONS.findIter), ...enabled },
  useFindPage: { ...withoutSignal(CALL_OPTIONS.findPage), ...enabled },
} as const satisfies Record<string, OptionSpec>;

/** Checks a hook's `options` (throws `StashValidationError`). */
export function checkHookOptions(hook: keyof typeof HOOK_OPTIONS, options: unknown): void {
  checkOptions(options, HOOK_OPTIONS[hook], hook);
}
