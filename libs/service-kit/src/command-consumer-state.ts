import { Injectable } from '@nestjs/common';

/**
 * Whether the Kafka command consumer holds partitions. Connected is not enough: a consumer that joined no
 * group, or is between rebalances, takes no commands however healthy it looks.
 */
@Injectable()
export class CommandConsumerState {
  private assignedPartitions = 0;

  get ready(): boolean {
    return this.assignedPartitions > 0;
  }

  joined(assignment: Record<string, number[]>): void {
    this.assignedPartitions = Object.values(assignment).reduce(
      (count, partitions) => count + partitions.length,
      0,
    );
  }

  lost(): void {
    this.assignedPartitions = 0;
  }
}
