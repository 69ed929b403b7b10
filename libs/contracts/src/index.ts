export * from './canonical-json.js';
export * from './event-envelope.js';
export * from './topics.js';
export * from './upcaster-registry.js';
export * from './command-envelope.js';
export * from './members/member-commands.js';
