/** Milliseconds source used for TTL; inject a fake one in tests (`{ now: () => t }`). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
