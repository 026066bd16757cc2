/**
 * The WireMock container runs `java` with the arguments local mode uses (contracts/wiremock.ts), pointed at the jar
 * and root dir of WIREMOCK_IMAGE_PATHS: those must be where wiremock.Dockerfile puts them, and its entrypoint must
 * add no WireMock options of its own. Checked without Docker.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { JOURNAL_LIMIT, wiremockJavaArguments } from '../../contracts/wiremock';
import { WIREMOCK_DOCKERFILE, WIREMOCK_IMAGE_PATHS } from '../../docker/wiremock-image';

const dockerfile = readFileSync(WIREMOCK_DOCKERFILE, 'utf8');

test('the Dockerfile puts the jar and the root dir where the container command looks for them', () => {
  assert.match(dockerfile, new RegExp(`^COPY wiremock\\.jar ${WIREMOCK_IMAGE_PATHS.jar}$`, 'm'));
  assert.match(dockerfile, new RegExp(`^COPY --chown=\\S+ root-dir/ ${WIREMOCK_IMAGE_PATHS.rootDir}/?$`, 'm'));
});

test('the entrypoint is java alone: every WireMock option comes from the one argument list', () => {
  assert.match(dockerfile, /^ENTRYPOINT \["\/opt\/java\/bin\/java"\]$/m);
  const args = wiremockJavaArguments({ ...WIREMOCK_IMAGE_PATHS, port: 8080, bindAddress: '0.0.0.0' });
  assert.deepEqual(args.slice(args.indexOf('-jar'), args.indexOf('-jar') + 2), ['-jar', WIREMOCK_IMAGE_PATHS.jar]);
  assert.equal(args[args.indexOf('--root-dir') + 1], WIREMOCK_IMAGE_PATHS.rootDir);
  assert.equal(args[args.indexOf('--max-request-journal-entries') + 1], String(JOURNAL_LIMIT));
});
