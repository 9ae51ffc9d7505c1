/** One in-browser mock Stash for all stories (seed 1, 200 scenes): MSW answers every `*\/graphql`. */
import { createMockStashHandlers } from '@stashkit/mock/msw';

export const STORY_MOCK_SIZE = 200;

export const storyMock = createMockStashHandlers({ seed: 1, size: STORY_MOCK_SIZE });
