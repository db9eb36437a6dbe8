/**
 * Reading a shared simulation link (`#ring.servers=5`) with no other imports, so that the page script that
 * scrolls to the linked simulation (components/SharedSimScroll.astro) ships only these few lines.
 */
export function paramsOf(hash: string): URLSearchParams {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  // A plain heading anchor ("#the-ring") carries no state.
  return new URLSearchParams(body.includes('=') ? body : '');
}

/** The simulation id a shared link points at, if any ("#ring.servers=5" → "ring"). */
export function simIdInHash(hash: string): string | undefined {
  const first = [...paramsOf(hash).keys()][0];
  return first?.split('.')[0];
}
