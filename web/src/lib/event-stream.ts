/** One message of a server-sent event stream. */
export interface StreamMessage {
  event: string;
  data: string;
}

/**
 * Incremental parser for `text/event-stream` (WHATWG HTML, "Server-sent events", §9.2.6): feed it
 * text as it arrives and it returns the complete messages. Used with `fetch` streaming, which,
 * unlike EventSource, can send an Authorization header. Comment lines (heartbeats) are skipped;
 * `id` and `retry` are not needed here and ignored.
 */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';

  push(chunk: string): StreamMessage[] {
    let text = this.buffer + chunk;
    // A line ends at CRLF, LF or CR. A CR at the very end may be the first half of a CRLF split
    // across chunks, so it waits with the partial last line for the next chunk.
    const carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\n|\r/);
    this.buffer = (lines.pop() ?? '') + carry;
    const messages: StreamMessage[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0)
          messages.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.data = [];
        this.event = '';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
    }
    return messages;
  }
}
