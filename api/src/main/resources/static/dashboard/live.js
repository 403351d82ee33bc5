// A small client of the graphql-transport-ws protocol (the one Rollcall speaks on /graphql):
// connection_init with the token, subscribe / next / error / complete, ping / pong. One socket
// carries every subscription of the page; when it drops, the page shows "reconnecting" and
// reconnects with exponential back-off, then subscribes again (live tiles send their current
// numbers on subscribe, so nothing is stale afterwards).

const PROTOCOL = 'graphql-transport-ws';

export class LiveConnection {
  /**
   * @param tokenSupplier returns the current access token
   * @param onState called with 'connecting' | 'live' | 'reconnecting' | 'offline'
   * @param onUnauthorized called when the server refuses the token (close code 4401)
   */
  constructor(tokenSupplier, onState, onUnauthorized) {
    this.tokenSupplier = tokenSupplier;
    this.onState = onState;
    this.onUnauthorized = onUnauthorized;
    this.subscriptions = new Map();
    this.nextId = 1;
    this.socket = null;
    this.acknowledged = false;
    this.attempt = 0;
    this.stopped = true;
  }

  start() {
    this.stopped = false;
    this.connect('connecting');
  }

  /** Closes the socket for good (sign-out); subscriptions are forgotten. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.subscriptions.clear();
    if (this.socket) {
      this.socket.close(1000, 'Signed out');
    }
    this.onState('offline');
  }

  /**
   * Subscribes; sink has next(data), error(ApiErrorLike) and complete(). Returns a function
   * that ends the subscription.
   */
  subscribe(query, variables, sink) {
    const id = String(this.nextId++);
    this.subscriptions.set(id, { query, variables, sink });
    this.send({ id, type: 'subscribe', payload: { query, variables } });
    return () => {
      if (this.subscriptions.delete(id)) {
        this.send({ id, type: 'complete' });
      }
    };
  }

  connect(state) {
    this.onState(state);
    this.acknowledged = false;
    const url = new URL('/graphql', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, PROTOCOL);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({
        type: 'connection_init',
        payload: { Authorization: 'Bearer ' + this.tokenSupplier() },
      }));
    };
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = (event) => this.closed(socket, event);
  }

  receive(message) {
    const subscription = message.id && this.subscriptions.get(message.id);
    switch (message.type) {
      case 'connection_ack':
        this.acknowledged = true;
        this.attempt = 0;
        this.onState('live');
        this.subscriptions.forEach((entry, id) => this.send({
          id, type: 'subscribe', payload: { query: entry.query, variables: entry.variables },
        }, true));
        break;
      case 'ping':
        this.send({ type: 'pong' }, true);
        break;
      case 'next':
        if (subscription) {
          const errors = message.payload.errors;
          if (errors && errors.length && !message.payload.data) {
            subscription.sink.error(errors[0]);
          } else {
            subscription.sink.next(message.payload.data);
          }
        }
        break;
      case 'error':
        if (subscription) {
          this.subscriptions.delete(message.id);
          subscription.sink.error(message.payload[0] || { message: 'Subscription refused' });
        }
        break;
      case 'complete':
        if (subscription) {
          this.subscriptions.delete(message.id);
          subscription.sink.complete();
        }
        break;
      default:
        break;
    }
  }

  closed(socket, event) {
    if (socket !== this.socket || this.stopped) {
      return;
    }
    if (event.code === 4401) {
      this.stopped = true;
      this.onState('offline');
      this.onUnauthorized();
      return;
    }
    // 1 s, 2 s, 4 s ... at most 30 s, with jitter so that many pages do not come back at once.
    const delay = Math.min(30000, 1000 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.onState('reconnecting');
    this.retryTimer = setTimeout(() => this.connect('reconnecting'), delay);
  }

  send(message, evenBeforeAck) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN && (this.acknowledged || evenBeforeAck)) {
      this.socket.send(JSON.stringify(message));
    }
    // Otherwise the subscription is sent on connection_ack.
  }
}
