/**
 * The stubs' route schemas are compiled when a route is first called, not when a stub starts: Fastify compiles every
 * route's schema with a new Ajv of each app while it starts, about 0.3 s of CPU for the six stubs of a run, on the
 * cores cucumber, WireMock and Chromium start on, for routes a run may never call. Here one Ajv for all the stubs of a
 * process (Fastify's own compiler, @fastify/ajv-compiler, with the options Fastify gives it) compiles a route's
 * schema on its first request; the validation itself, its errors and the refusals built from them are Fastify's as
 * before. A schema Ajv cannot compile fails that route's first request (HTTP 500), not the stub's start: the stubs'
 * route tests call every route. Tested in test/stubs/lazy-validation.test.ts.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { AnyValidateFunction } from 'ajv/dist/core';
import type { FastifyServerOptions } from 'fastify';

/** What Fastify reads of a compiled validator besides calling it (`schemaEnv` before each call, `errors` after). */
const READ_BY_FASTIFY = ['errors', 'schemaEnv', 'schema'] as const;

/** A validator that compiles on its first use and is the compiled one from then on. */
export function compiledOnFirstUse<V extends AnyValidateFunction>(compile: () => V): V {
  let compiled: V | undefined;
  const validator = (): V => (compiled ??= compile());
  const validate = (...call: unknown[]): unknown => (validator() as unknown as (...args: unknown[]) => unknown)(...call);
  for (const property of READ_BY_FASTIFY) {
    // errors: as the compiled validator left them; none before its first call.
    Object.defineProperty(validate, property, { get: () => (property === 'errors' ? compiled?.errors : validator()[property]) });
  }
  return validate as unknown as V;
}

/** One pool for the process: the stubs with the same Ajv options share one Ajv (LABA and MiBa the same schemas). */
const fastifysCompilers = AjvCompiler();

/** Fastify's `schemaController` option for a stub app. */
export const COMPILED_ON_FIRST_USE: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: (externalSchemas, options) => {
      const compile = fastifysCompilers(externalSchemas, options);
      return (route) => compiledOnFirstUse(() => compile(route));
    },
  },
};
