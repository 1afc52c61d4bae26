/**
 * Whether the page's first hydration has committed. Before it, a client component mounting is being
 * hydrated over the server's HTML; after it, it is rendered afresh in the browser.
 */
let committed = false;

export function firstHydrationCommitted(): boolean {
  return committed;
}

/** Called by the layout's last effect, which runs after every other effect of the first commit. */
export function commitFirstHydration(): void {
  committed = true;
  performance.mark('page:hydrated');
}
