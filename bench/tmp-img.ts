const t0 = performance.now();
const lap = (l: string) => console.log(l, (performance.now() - t0).toFixed(0));
(async () => {
  const { dockerAvailable } = require('../docker/availability'); lap('load-avail');
  await dockerAvailable(); lap('avail');
  const { loadTestcontainers } = require('../docker/testcontainers'); loadTestcontainers(); lap('load-tc');
  const { ensureBaseImage } = require('../docker/base-image'); lap('load-base');
  const { ensureJavaBaseImage } = require('../docker/java-base-image'); lap('load-java');
  await ensureBaseImage(); lap('base');
  if (ensureJavaBaseImage) { await ensureJavaBaseImage(); lap('javabase'); }
  const { ensureStubsImage } = require('../docker/stubs-image'); await ensureStubsImage(); lap('stubs');
  const { ensureWireMockImage } = require('../docker/wiremock-image'); await ensureWireMockImage(); lap('wiremock');
  const { containerRuntime } = require('../docker/testcontainers'); await containerRuntime(); lap('runtime');
})();
