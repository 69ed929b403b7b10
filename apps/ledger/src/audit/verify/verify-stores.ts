import type { Kafka } from 'kafkajs';
import type { ProgressListener } from '../progress.js';
import type { ServiceStore } from '../sources/service-stores.js';
import { verifyChains, type StoreChainReport } from './verify-chains.js';
import { verifyKafkaAgainstStore, type KafkaCheckReport } from './verify-kafka.js';

export interface VerifyStoresOptions {
  stores: readonly ServiceStore[];
  /** Also compare each store's topic with the store; null skips Kafka. */
  kafka?: Kafka | null;
  workers?: number;
  /** Per store and check: a wholesale rewrite would otherwise list every event. */
  maxIssuesListed?: number;
}

export interface VerifyResult {
  /** No broken link in any chain and, if Kafka was checked, no difference between Kafka and the stores. */
  ok: boolean;
  chains: StoreChainReport[];
  kafka: KafkaCheckReport[] | null;
  events: number;
  chainSeconds: number;
  chainEventsPerSecond: number;
  kafkaSeconds: number | null;
}

/** The auditor's verification: every hash chain of every store, then (optionally) Kafka against the stores. */
export async function verifyStores(
  options: VerifyStoresOptions,
  onProgress?: ProgressListener,
): Promise<VerifyResult> {
  const chainStartedMs = performance.now();
  const chains = await verifyChains(
    options.stores,
    { workers: options.workers, maxBreaksListed: options.maxIssuesListed },
    onProgress,
  );
  const chainSeconds = (performance.now() - chainStartedMs) / 1000;
  const events = chains.reduce((sum, chain) => sum + chain.events, 0);
  let kafka: KafkaCheckReport[] | null = null;
  let kafkaSeconds: number | null = null;
  if (options.kafka) {
    const kafkaStartedMs = performance.now();
    const client = options.kafka;
    // Concurrently: most of a small check is each throwaway consumer group's join, which can overlap.
    kafka = await Promise.all(
      options.stores.map((store) =>
        verifyKafkaAgainstStore(
          client,
          store,
          { maxIssuesListed: options.maxIssuesListed },
          onProgress,
        ),
      ),
    );
    kafkaSeconds = (performance.now() - kafkaStartedMs) / 1000;
  }
  return {
    ok:
      chains.every((chain) => chain.breakCount === 0) &&
      (kafka ?? []).every((check) => check.issueCount === 0),
    chains,
    kafka,
    events,
    chainSeconds,
    chainEventsPerSecond: Math.round(events / Math.max(chainSeconds, 1e-3)),
    kafkaSeconds,
  };
}
