import { createHash, randomUUID } from 'node:crypto';
import { type BlobStore, blobStoreBeside } from '@crm/blob-store';
import type { EventStore, NewEvent } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createThrowawayDatabase, type DatabaseLocation, postgresAvailable, rawStatement, tempDir, type ThrowawayDatabase } from '@crm/testing';
import type { CliIo } from '../src/cli-command';
import { verifyCommand } from '../src/commands/verify.command';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const NAME = '营业执照（副本）.pdf';
const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${randomUUID()}\n%%EOF`);
const file = { sha256: sha256(pdf), name: NAME, mediaType: 'application/pdf', size: pdf.length };

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data: data as never, metadata: { actor: 'system:onboarding', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
});

interface Engine {
  store: EventStore;
  location: DatabaseLocation;
  url: string;
  cleanup(): Promise<void>;
}

async function sqlite(): Promise<Engine> {
  const dir = tempDir('crm-cli-files-');
  const path = dir.file('crm.db');
  return { store: SqliteEventStore.open(path), location: { kind: 'sqlite', path }, url: `sqlite:${path}`, cleanup: async () => dir.remove() };
}

async function postgres(database: ThrowawayDatabase): Promise<Engine> {
  return { store: await PostgresEventStore.connect(database.url), location: { kind: 'postgres', url: database.url }, url: database.url, cleanup: () => database.drop() };
}

const engines: Array<[string, () => Promise<Engine>]> = [['SQLite', sqlite]];
if (postgresAvailable) engines.push(['PostgreSQL', async () => postgres(await createThrowawayDatabase())]);
else console.warn('!!! SKIPPED the PostgreSQL half of verify-files: PostgreSQL is not available');

/** ADR 0018: the operator's verify re-hashes every file the events name, straight from the database. */
describe.each(engines)('npm run cli -- verify: files on %s', (_name, open) => {
  let engine: Engine;
  let blobs: BlobStore;
  const run = async (...args: string[]) => {
    let out = '';
    const io: CliIo = { out: (t) => void (out += t), err: (t) => void (out += t), interactive: false, env: {} };
    return { code: await verifyCommand.run([...args, '--store', engine.url], io), out };
  };

  beforeEach(async () => {
    engine = await open();
    blobs = await blobStoreBeside(engine.store);
    await blobs.put(pdf);
    await engine.store.appendToStream('customer-c-1', [event('CustomerArchiveOpened', { customerId: 'c-1', documents: [{ documentId: 'licence', kind: 'business_licence', file }] })]);
    await engine.store.appendToStream('customer-c-1', [event('QualificationDocumentRenewed', { documentId: 'licence', previous: { file } })]);
  });
  afterEach(async () => {
    await blobs.close();
    await engine.store.close();
    await engine.cleanup();
  });

  it('R-ONB-1: intact files are re-hashed and reported OK', async () => {
    const { code, out } = await run('c-1');
    expect(code).toBe(0);
    expect(out).toContain('customer c-1: files OK, 1 files re-hashed');
  });

  it('R-ONB-1: a file altered in the database is named with its sha-256, what it hashes to now and every event referring to it (exit 1)', async () => {
    const altered = Buffer.from(pdf);
    altered[12] ^= 0x01;
    expect(await rawStatement(engine.location, 'UPDATE blobs SET content = ? WHERE sha256 = ?', [altered, file.sha256])).toBe(1);
    const { code, out } = await run('--all');
    expect(code).toBe(1);
    expect(out).toContain('all streams: OK, 2 events in 1 streams, every hash chain intact');
    expect(out).toContain(`file ${NAME} sha-256 ${file.sha256}: altered: the stored bytes now hash to ${sha256(altered)}`);
    expect(out).toContain('referenced by CustomerArchiveOpened in customer-c-1 revision 0');
    expect(out).toContain('referenced by QualificationDocumentRenewed in customer-c-1 revision 1');
  });

  it('a file missing from the blob store is named too', async () => {
    await rawStatement(engine.location, 'DELETE FROM blobs WHERE sha256 = ?', [file.sha256]);
    const { code, out } = await run('c-1');
    expect(code).toBe(1);
    expect(out).toContain(`file ${NAME} sha-256 ${file.sha256}: missing from the blob store`);
  });
});
