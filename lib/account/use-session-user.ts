'use client';

import { useEffect, useState } from 'react';
import { fetchSessionUser, type SessionUser } from './auth-client';

/** The signed-in reader: undefined while it is being asked, null when signed out. */
export function useSessionUser(): SessionUser | null | undefined {
  const [user, setUser] = useState<SessionUser | null>();
  useEffect(() => void fetchSessionUser().then(setUser), []);
  return user;
}
