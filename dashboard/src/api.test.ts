import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, SERVICES } from './api';

describe('describeProblem', () => {
  it('puts the detail first and lists every invalid field', () => {
    const text = describeProblem(
      {
        detail: 'Request has 2 invalid fields',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'password', message: 'size must be between 12 and 128' },
        ],
      },
      'fallback',
    );
    expect(text).toBe(
      'Request has 2 invalid fields (email: must be a well-formed email address; password: size must be between 12 and 128)',
    );
  });

  it('falls back to the title, then to the given text', () => {
    expect(describeProblem({ title: 'Unauthorized' }, 'x')).toBe('Unauthorized');
    expect(describeProblem({}, 'HTTP 502')).toBe('HTTP 502');
  });

  it('is the message of an ApiError', () => {
    expect(new ApiError(404, { detail: 'No data set 42' }).message).toBe('No data set 42');
  });
});

describe('SERVICES', () => {
  it('names every service route of the gateway once', () => {
    expect(new Set(SERVICES).size).toBe(SERVICES.length);
    expect(SERVICES).toContain('discovery');
  });
});
