/**
 * The stubs' route schemas are compiled when a route is first called, not when a stub starts: Fastify compiles every
 * route's schema with a new Ajv of each app while it starts, about 0.3 s of CPU for the six stubs of a run, on the
 * cores cucumber, WireMock and Chromium start on, for routes a run may never call. Here one Ajv for all the stubs of a
 * process (Fastify's own compiler, @fastify/ajv-compiler, with the options Fastify gives it) compiles a route's
 * schema on its first request; the validation of bodies, query strings and path parameters, its errors and the
 * refusals built from them are Fastify's as before. A schema Ajv cannot compile fails that route's first request (HTTP
 * 500), not the stub's start: the stubs' route tests call every route.
 *
 * What a compiler of one's own changes in Fastify, and how it is kept out: Fastify no longer lowercases the names in a
 * header schema, so a route with one is refused when the stub starts (no stub has one). The one Ajv of a process
 * keeps the first schema of an `$id` it meets, so two stubs must not give different schemas the same `$id` (no stub
 * schema has one). Tested in test/stubs/lazy-validation.test.ts.
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
      return (route) => {
        if (route.httpPart === 'headers') {
          throw new Error(`${route.method} ${route.url} has a headers schema: the stubs' validation compiler would not lowercase its names as Fastify's does (stubs/common/lazy-validation.ts); check the header in the handler`);
        }
        return compiledOnFirstUse(() => compile(route));
      };
    },
  },
};
