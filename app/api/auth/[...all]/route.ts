import { authRoute } from '@/lib/auth/auth-route';

/** better-auth's endpoints behind our request gate (lib/auth/auth-route.ts). */
export const { GET, POST } = authRoute;
