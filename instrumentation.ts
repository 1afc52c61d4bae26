// Runs once when a server process starts (Next's instrumentation hook), before it answers requests.
// Everything it does needs Node.js (lib/startup/register-node.ts); the Edge runtime gets nothing.

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { registerNode } = await import('./lib/startup/register-node');
  await registerNode();
}
