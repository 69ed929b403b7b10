import { Inject, Injectable } from '@nestjs/common';
import type { CollectInstallmentResult, CommandEnvelope, CommandReply } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL, accepted, inTransaction } from '@koperasi/service-kit';
import type { InstallmentCollected } from '../../domain/index.js';
import { insertCollections, type CollectionInsert } from '../../read-model/insert-collections.js';

export interface AcceptedCollection {
  envelope: CommandEnvelope<unknown>;
  collected: InstallmentCollected;
}

interface Pending extends AcceptedCollection {
  resolve(reply: CommandReply<CollectInstallmentResult>): void;
  reject(error: unknown): void;
}

/** Collections committed in one transaction at most; bounds how long its locks are held. */
const MAX_COLLECTIONS_PER_TRANSACTION = 100;
/** Write transactions in flight at once, each on its own pooled connection. */
const MAX_CONCURRENT_TRANSACTIONS = 2;

export function collectionStreamId(collectionId: string): string {
  return `collection-${collectionId}`;
}

/**
 * Group commit for accepted collections: the commands being handled at the same moment (one per Kafka
 * partition) are written in one transaction, each with its event, its read-model row and its reply, so the
 * commit and most statements are paid once per group. Each collection is still all-or-nothing: a group that
 * fails is written again one collection at a time, and only the collection at fault fails.
 */
@Injectable()
export class CollectionWriter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  write(collection: AcceptedCollection): Promise<CommandReply<CollectInstallmentResult>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...collection, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_CONCURRENT_TRANSACTIONS) {
      const group = this.queue.splice(0, MAX_COLLECTIONS_PER_TRANSACTION);
      this.inFlight += 1;
      void this.writeGroup(group).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    try {
      const replies = await inTransaction(this.pool, (tx) => this.writeWithin(tx, group));
      group.forEach((pending, index) => pending.resolve(replies[index]));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const pending of group) await this.writeGroup([pending]);
    }
  }

  private async writeWithin(
    tx: PoolClient,
    group: Pending[],
  ): Promise<CommandReply<CollectInstallmentResult>[]> {
    const rows: CollectionInsert[] = [];
    for (const { envelope, collected } of group) {
      const appended = await this.store.appendWithin(
        tx,
        collectionStreamId(collected.data.collectionId),
        0,
        [collected],
        {
          koperasiId: envelope.koperasiId,
          actor: envelope.actor.userId,
          correlationId: envelope.correlationId,
          causationId: envelope.commandId,
        },
      );
      rows.push({
        koperasiId: envelope.koperasiId,
        event: appended.events[0],
        data: collected.data,
      });
    }
    const receipts = await insertCollections(tx, rows);
    const replies = receipts.map((receipt) =>
      accepted<CollectInstallmentResult>({ collectionId: receipt.collectionId, receipt }),
    );
    await tx.query(
      `INSERT INTO command_results (command_id, reply) SELECT * FROM unnest($1::text[], $2::jsonb[])`,
      [
        group.map(({ envelope }) => envelope.commandId),
        replies.map((reply) => JSON.stringify(reply)),
      ],
    );
    return replies;
  }
}
