/** The bad-input catalog (see `badInputs/harness.ts` for what every case asserts). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { checkBadInput, type BadInput } from './badInputs/harness';
import { ID_CASES } from './badInputs/idCases';
import { PROTO_CASES, RENAME_CASES } from './badInputs/protoCases';
import { FIELD_SPEC_CASES } from './badInputs/fieldSpecCases';
import { VALUE_CASES } from './badInputs/valueCases';
import { OPTION_CASES } from './badInputs/optionCases';
import { STRUCTURE_CASES } from './badInputs/structureCases';
import { CALL_CASES } from './badInputs/callCases';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 20, apiKey: 'catalog-key' });
});
afterAll(async () => {
  await stash.close();
});

const GROUPS: Record<string, BadInput[]> = {
  ids: ID_CASES,
  'prototype keys': PROTO_CASES,
  'Stash renames': RENAME_CASES,
  'field specs': FIELD_SPEC_CASES,
  'draft values and side operations': VALUE_CASES,
  'options and createStashStore': OPTION_CASES,
  'circular and deep structures': STRUCTURE_CASES,
  'other calls': CALL_CASES,
};

describe('bad-input catalog', () => {
  for (const [group, cases] of Object.entries(GROUPS)) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkBadInput(stash, c));
    });
  }
});
