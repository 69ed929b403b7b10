/** One thing a service needs before it can take traffic, e.g. its database or its Kafka consumer. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
