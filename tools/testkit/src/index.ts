export { startTestStash, type TestStash } from './startTestStash';
export { validateDocument, realStashSchema, INTROSPECTION_PATH } from './validateDocument';
export { FIND_SCENES_QUERY, SLIM_PERFORMER_FRAGMENT, SLIM_SCENE_FRAGMENT } from './stockUiQueries';
