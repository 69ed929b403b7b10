/**
 * The PostgreSQL notification channel an append signals on, delivered when its transaction commits; the
 * outbox relay of that database listens on it. The payload is empty: the relay reads the table anyway.
 */
export const EVENTS_APPENDED_CHANNEL = 'eventstore_events_appended';
