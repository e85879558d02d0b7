/**
 * How many event streams each shopper holds open on this server: one a tab
 * is normal, a few during reconnects; hundreds are a script holding
 * sockets and watches. Counted in memory, per server process: on a
 * platform that spreads a shopper over several instances each one counts
 * its own.
 */
export class StreamSlots {
  readonly #open = new Map<string, number>();

  /** `perShopper` 0 is no limit. */
  constructor(readonly perShopper: number) {}

  /**
   * A slot for one more stream of `userId`, with the function that gives
   * it back (once, however often it is called); null when they are full.
   */
  take(userId: string): (() => void) | null {
    const open = this.#open.get(userId) ?? 0;
    if (this.perShopper > 0 && open >= this.perShopper) return null;
    this.#open.set(userId, open + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.#open.get(userId) ?? 1) - 1;
      if (left > 0) this.#open.set(userId, left);
      else this.#open.delete(userId);
    };
  }
}
