export async function runReactBench(_: { rounds: number }): Promise<void> {}
