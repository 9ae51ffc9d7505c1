export { startTestStash, type TestStash } from './startTestStash';
export { validateDocument, realStashSchema, INTROSPECTION_PATH } from './validateDocument';
