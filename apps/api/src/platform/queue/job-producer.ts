import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayload, QueueName } from './job-map';

/** The one typed way to enqueue a job. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(@InjectQueue('figures') figures: Queue, @InjectQueue('indicators') indicators: Queue, @InjectQueue('reports') reports: Queue) {
    this.queues = { figures, indicators, reports };
  }

  async enqueue<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    payload: JobPayload<Q, N>,
    options: JobsOptions = {},
  ): Promise<string | undefined> {
    const job = await this.queues[queue].add(name, payload, {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
      ...options,
    });
    return job.id;
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
