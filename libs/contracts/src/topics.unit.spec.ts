import { BillpayCommands } from './billpay/billpay-commands.js';
import { LoanCommands } from './loans/loan-commands.js';
import { MemberCommands } from './members/member-commands.js';
import { ALL_TOPICS, COMMAND_REPLY_TOPIC, commandTopicOf } from './topics.js';

describe('command topics', () => {
  it('given any command, then it travels on its own service’s one command topic', () => {
    expect(commandTopicOf(MemberCommands.depositSukarela)).toBe('members.commands');
    expect(commandTopicOf(BillpayCommands.payBill)).toBe('billpay.commands');
    expect(commandTopicOf(LoanCommands.collectInstallment)).toBe('loans.commands');
  });

  it('given the topics a broker is provisioned with, then there is one command topic per service and one reply topic', () => {
    const names = ALL_TOPICS.map((topic) => topic.name);
    expect(names.filter((name) => name.endsWith('.commands')).sort()).toEqual([
      'billpay.commands',
      'loans.commands',
      'members.commands',
    ]);
    expect(names).toContain(COMMAND_REPLY_TOPIC);
    expect(new Set(names).size).toBe(names.length);
  });

  it('given a name that is not a command, then it is refused rather than sent to a topic nobody reads', () => {
    expect(() => commandTopicOf('members.events')).toThrow('is not a command name');
  });
});
