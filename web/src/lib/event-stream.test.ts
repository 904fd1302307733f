import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './event-stream';

describe('EventStreamParser', () => {
  it('returns complete messages and skips comments (heartbeats) and retry lines', () => {
    const parser = new EventStreamParser();
    expect(parser.push('retry: 5000\n: connected\n\n')).toEqual([]);
    expect(parser.push('data: {"id":"a"}\n\n: heartbeat\n\ndata: {"id"')).toEqual([
      { event: 'message', data: '{"id":"a"}' },
    ]);
    expect(parser.push(':"b"}\n\n')).toEqual([{ event: 'message', data: '{"id":"b"}' }]);
  });

  it('joins multi-line data, reads the event name and accepts CRLF split across chunks', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: changed\r\ndata: one\r')).toEqual([]);
    expect(parser.push('\ndata:two\r\n\r\n')).toEqual([{ event: 'changed', data: 'one\ntwo' }]);
  });

  it('does not dispatch a message without data', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: ping\n\n')).toEqual([]);
  });
});
