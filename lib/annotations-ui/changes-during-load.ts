/** A change to a list, as React's functional state updates make them. */
export type ListChange<T> = (list: T[]) => T[];

/**
 * A list loaded from the server while the page changes it (the reader saves or deletes a note while
 * their notes are on the way): the answer was read before those changes, so they are replayed on it
 * rather than lost. A load overtaken by a later one settles to null, to be ignored.
 */
export function changesDuringLoad<T>() {
  let latest = 0;
  const open = new Map<number, ListChange<T>[]>();
  return {
    /** A change made now: every load on its way gets it too. */
    record(change: ListChange<T>) {
      for (const changes of open.values()) changes.push(change);
    },
    /** A load starting now; `settle` it with the server's answer. */
    begin() {
      const id = ++latest;
      open.set(id, []);
      return {
        settle(loaded: T[]): T[] | null {
          const changes = open.get(id) ?? [];
          open.delete(id);
          return id === latest ? changes.reduce((list, change) => change(list), loaded) : null;
        },
        /** The load failed: nothing to settle. */
        drop() {
          open.delete(id);
        },
      };
    },
  };
}
