import type { Meta, StoryObj } from '@storybook/react-vite';
import { PerformersPage } from './PerformersPage';

const meta = { title: 'Performers/PerformersPage', component: PerformersPage } satisfies Meta<typeof PerformersPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FromMockStash: Story = {};
