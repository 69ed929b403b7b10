import {
  KafkajsRequestQueueClass,
  quietKafkajsRequestQueue,
  type KafkajsRequestQueue,
} from './quiet-kafkajs-request-queue.js';

interface TestQueue extends KafkajsRequestQueue {
  push(request: {
    entry: { correlationId: number; resolve: () => void };
    expectResponse: boolean;
    sendRequest: () => void;
  }): void;
  fulfillRequest(response: { correlationId: number; payload: null; size: number }): void;
  maybeThrottle(throttleMs: number): void;
  destroy(): void;
}

const silent = { debug: () => undefined, warn: () => undefined };

/** A connection's queue as kafkajs makes it, with at most one request on the wire. */
function oneRequestAtATime() {
  const RequestQueue = KafkajsRequestQueueClass as unknown as new (options: object) => TestQueue;
  const queue = new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'unit',
    broker: '127.0.0.1:9092',
    logger: silent,
  });
  const sent: number[] = [];
  const push = (correlationId: number) =>
    queue.push({
      entry: { correlationId, resolve: () => undefined },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
  return { queue, sent, push };
}

const afterMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('quietKafkajsRequestQueue', () => {
  beforeAll(() => quietKafkajsRequestQueue());

  it('given an answered request and nothing pending, when the queue is checked, then no timer is left armed', () => {
    const { queue, sent, push } = oneRequestAtATime();
    push(1);
    queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });

    expect(sent).toEqual([1]);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('given a full in-flight window, when the request on the wire is answered, then the pending one goes out', () => {
    const { queue, sent, push } = oneRequestAtATime();
    push(1);
    push(2);
    expect(sent).toEqual([1]);

    queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });

    expect(sent).toEqual([1, 2]);
    queue.destroy();
  });

  it('given a broker throttle, when a request waits for it, then it goes out once the throttle ends with nothing else to wake it', async () => {
    const { queue, sent, push } = oneRequestAtATime();
    queue.maybeThrottle(30);
    push(1);
    expect(sent).toEqual([]);

    await afterMs(80);

    expect(sent).toEqual([1]);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });
});
