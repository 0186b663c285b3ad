import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';

/** `available` (EVENTSTORE_URL set), `container` (a runtime to start one), or `unavailable: <why>`. */
const mode = process.env.CRM_TEST_ESDB ?? 'unavailable: no Jest global setup ran';
const IMAGE = process.env.ESDB_TEST_IMAGE ?? 'eventstore/eventstore:24.10';

/** `describe` when an EventStoreDB can be reached or started, otherwise a loud skip. */
export function describeWithEsdb(name: string, body: () => void): void {
  if (mode === 'available' || mode === 'container') {
    describe(name, body);
  } else {
    console.warn(`!!! SKIPPED "${name}": EventStoreDB is not available (${mode}). Set EVENTSTORE_URL=esdb://host:2113?tls=false.`);
    describe.skip(name, body);
  }
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** The server named by EVENTSTORE_URL, or a throw-away single in-memory node in a container. */
export async function startTestServer(): Promise<TestServer> {
  if (mode === 'available' && process.env.EVENTSTORE_URL) {
    return { url: process.env.EVENTSTORE_URL, stop: async () => undefined };
  }
  const container: StartedTestContainer = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
}
