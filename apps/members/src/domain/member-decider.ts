import { decideMember } from './decide-member.js';
import { evolveMember } from './evolve-member.js';
import { initialMemberState } from './member-state.js';

/** The three parts an event-sourced command handler needs, in the shape Emmett's deciders use. */
export const memberDecider = {
  decide: decideMember,
  evolve: evolveMember,
  initialState: () => initialMemberState,
};
