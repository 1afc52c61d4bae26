'use client';

import { createContext } from 'react';

/** Whether the signed-in reader is an editor: only a hint for showing Accept and Decline; the API checks the role. */
export const EditorRoleContext = createContext(false);
