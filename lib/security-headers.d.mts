export interface Header {
  key: string;
  value: string;
}

export function contentSecurityPolicy(options: { development: boolean; scripts?: string[] }): string;
export const apiContentSecurityPolicy: string;
export function securityHeaders(options: { development: boolean }): Header[];
export function securityHeaderRules(options: { development: boolean }): { source: string; headers: Header[] }[];
