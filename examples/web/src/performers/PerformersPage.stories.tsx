import type { Meta, StoryObj } from '@storybook/react-vite';
import { PerformersPage } from './PerformersPage';

const meta: Meta<typeof PerformersPage> = { title: 'Performers/PerformersPage', component: PerformersPage };

export default meta;
type Story = StoryObj<typeof PerformersPage>;

export const FromMockStash: Story = {};
