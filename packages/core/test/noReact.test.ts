import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('@stashkit/core must not import react');
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core without React', () => {
  it('loads without react', async () => {
    const core = await import('../src/index');
    expect(typeof core.createStashStore).toBe('function');
  });

  it('has no react or DOM-framework import in its sources', () => {
    const src = new URL('../src', import.meta.url).pathname;
    const offenders = sources(src).filter((file) =>
      /from ['"](react|react-dom|zustand)(\/|['"])/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
