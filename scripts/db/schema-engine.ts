// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm, the same engine build as the
// prisma CLI's native one) and starts it on a driver adapter. The native engine cannot be downloaded
// here, and prisma 7.10's CLI never uses the Wasm one, so the db:* scripts drive it directly.
//
// Caveats seen with this build:
// - the package's entry point imports the .wasm file as an ES module, which Node cannot do; we
//   instantiate schema_engine_bg.wasm ourselves, as Prisma's own loader does;
// - it must be instantiated once per process (wasm-bindgen keeps global state);
// - it leaves timers behind: CLI scripts must call process.exit() when done.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';

type SchemaEngineClass = typeof SchemaEngine;

let loaded: Promise<SchemaEngineClass> | undefined;

function loadWasm(): Promise<SchemaEngineClass> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(pathToFileURL(bindingsPath).href)) as typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
      SchemaEngine: SchemaEngineClass;
    };
    const bytes = fs.readFileSync(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return loaded;
}

export type EngineSession = {
  engine: SchemaEngine;
  /** The engine's log lines (JSON), for error reports; printed live when DEBUG_SCHEMA_ENGINE is set. */
  logs: string[];
  /** The original JavaScript error behind an engine error, when the adapter threw it. */
  explain(error: unknown): unknown;
  close(): void;
};

/** Starts the engine on `factory`, with the provider folder's schema files as its datamodels. */
export async function startSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaContainer[],
): Promise<EngineSession> {
  const SchemaEngineClass = await loadWasm();
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  // A JavaScript error thrown inside the adapter reaches us as "External error id#N".
  const explain = (error: unknown): unknown => {
    const id = /External error id#(\d+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
    const original = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
    return original ?? error;
  };
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngineClass.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      log,
      bound,
    );
  } catch (error) {
    throw explain(error);
  }
  return {
    engine,
    logs,
    explain,
    close() {
      engine.free();
    },
  };
}
