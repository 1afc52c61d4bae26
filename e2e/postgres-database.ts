/** The PostgreSQL database of the API suite: its own per port, so two checkouts can run their suites side by side. */
export const postgresTestDatabase = process.env.E2E_PORT ? `reader_e2e_${process.env.E2E_PORT}` : 'reader_e2e';
