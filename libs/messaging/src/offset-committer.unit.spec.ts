import { EventEmitter } from 'node:events';
import { OffsetCommitter } from './offset-committer.js';

type Commit = { topic: string; partition: number; offset: string }[];

/** The two things OffsetCommitter uses of a kafkajs consumer: its events and commitOffsets. */
function consumerRecordingCommits(fail = false) {
  const emitter = new EventEmitter();
  const commits: Commit[] = [];
  const consumer = {
    events: { REBALANCING: 'rebalancing', GROUP_JOIN: 'group_join' },
    on: (event: string, listener: () => void) => emitter.on(event, listener),
    commitOffsets: async (offsets: Commit) => {
      commits.push(offsets);
      if (fail) throw new Error('The coordinator is not aware of this member');
    },
  } as unknown as ConstructorParameters<typeof OffsetCommitter>[0];
  return { consumer, commits, emit: (event: string) => emitter.emit(event) };
}

const afterMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OffsetCommitter', () => {
  it('given batches done on several partitions within the interval, when it passes, then one request commits the next offset of each', async () => {
    const { consumer, commits } = consumerRecordingCommits();
    const committer = new OffsetCommitter(consumer, () => undefined, 20);

    committer.done('members.commands', 0, '41');
    committer.done('members.commands', 3, '7');
    committer.done('members.commands', 0, '44');
    expect(commits).toEqual([]);
    await afterMs(60);

    expect(commits).toEqual([
      [
        { topic: 'members.commands', partition: 0, offset: '45' },
        { topic: 'members.commands', partition: 3, offset: '8' },
      ],
    ]);
  });

  it('given offsets not yet committed, when the group rebalances, then they are dropped, not committed over the new owner', async () => {
    const { consumer, commits, emit } = consumerRecordingCommits();
    const committer = new OffsetCommitter(consumer, () => undefined, 20);

    committer.done('members.events', 5, '100');
    emit('rebalancing');
    await committer.commit();

    expect(commits).toEqual([]);
  });

  it('given the broker refuses the commit, when committing, then it warns and does not throw', async () => {
    const { consumer } = consumerRecordingCommits(true);
    const warnings: string[] = [];
    const committer = new OffsetCommitter(consumer, (message) => warnings.push(message), 20);

    committer.done('billpay.events', 1, '9');
    await committer.commit();

    expect(warnings).toEqual([
      expect.stringContaining('offset commit failed, Kafka may deliver again'),
    ]);
  });
});
