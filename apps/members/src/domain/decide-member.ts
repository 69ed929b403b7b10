import { decideDepositSukarela } from './decide-deposit-sukarela.js';
import { decidePaySimpananPokok } from './decide-pay-simpanan-pokok.js';
import { decidePaySimpananWajib } from './decide-pay-simpanan-wajib.js';
import { decideRegisterMember } from './decide-register-member.js';
import { decideResign } from './decide-resign.js';
import { decideWithdrawSukarela } from './decide-withdraw-sukarela.js';
import type { MemberCommand } from './member-commands.js';
import type { MemberDecision } from './member-decision.js';
import type { MemberState } from './member-state.js';

export function decideMember(command: MemberCommand, state: MemberState): MemberDecision {
  switch (command.type) {
    case 'RegisterMember':
      return decideRegisterMember(command, state);
    case 'PaySimpananPokok':
      return decidePaySimpananPokok(command, state);
    case 'PaySimpananWajib':
      return decidePaySimpananWajib(command, state);
    case 'DepositSukarela':
      return decideDepositSukarela(command, state);
    case 'WithdrawSukarela':
      return decideWithdrawSukarela(command, state);
    case 'Resign':
      return decideResign(command, state);
  }
}
