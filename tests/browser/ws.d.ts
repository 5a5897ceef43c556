// The part of the `ws` package's WebSocket client that harness.mjs uses (ws ships no types).
declare module 'ws' {
  export default class WebSocket {
    constructor(address: string);
    once(event: 'open', listener: () => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    on(event: 'message', listener: (data: Buffer) => void): this;
    send(data: string): void;
    close(): void;
  }
}
