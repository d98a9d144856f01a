import { describe, expect, it } from 'vitest';
import { IcerError } from '../../src/errors.js';
import { failureError, failureReason } from '../../src/queue/job-failure.js';

describe('a failed batch, from the worker to the run', () => {
  it('keeps an icer error code across Redis, and gives any other failure one of its own', () => {
    const sent = failureReason(new IcerError('UNKNOWN_ITEM', 'Item x is not in the catalog.'));
    const again = failureError(sent, 'Batch 3 (job run-3)');
    expect(IcerError.isInstance(again) && again.code).toBe('UNKNOWN_ITEM');
    expect(again.message).toContain('Batch 3 (job run-3) failed on a worker: Item x is not in the catalog.');
    const stalled = failureError('job stalled more than allowable limit', 'Batch 4 (job run-4)');
    expect(stalled.code).toBe('QUEUE_JOB_FAILED');
    expect(stalled.message).toMatch(
      /Batch 4 \(job run-4\) failed on a worker: job stalled more than allowable limit\..*--resume/,
    );
    // Named with the worker, when Redis kept its name.
    expect(failureError(sent, 'Batch 3 (job run-3)', 'host-a:7').message).toContain(
      'Batch 3 (job run-3) failed on worker host-a:7: Item x',
    );
    // A code that is not icer's is part of the message, not a code.
    expect(failureError('odd [NOT_A_CODE]', 'Batch 5').code).toBe('QUEUE_JOB_FAILED');
  });
});
