/** Limits shared by the API's validation and the editor (kept free of zod so the browser does not load it). */
export const maxBodyLength = 10_000;
