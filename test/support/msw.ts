/**
 * msw for the platform's own tests: intercepts fetch and http in this process. Requests to loopback pass through
 * (real in-process servers); fake systems live on `.invalid` hosts, and any request without a handler is an
 * error, so a missing handler can never reach the network.
 */
import { http, passthrough, type RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';

export function fakeNetwork(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(
    http.all(/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//, () => passthrough()),
    ...handlers,
  );
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
