/** The password of every reader signUp makes. */
export const benchPassword = 'bench password 1';

/** Signs a new reader up through the API; returns the Cookie header of their session. */
export async function signUp(origin: string, name = 'Bench'): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({
      name,
      email: `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
      password: benchPassword,
    }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
