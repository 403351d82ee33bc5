// What every panel shares: its message line (loading, or an error a user can act on, never a
// blank panel), its chart, and small formatting helpers.

/** A panel of the page: an element with a [data-chart] and a .panel-message. */
export class Panel {
  constructor(id) {
    this.element = document.getElementById(id);
    this.message = this.element.querySelector('.panel-message');
    this.chartElement = this.element.querySelector('[data-chart]');
    this.chart = null;
    this.retryTimer = null;
  }

  /** Numbers a request of this panel; see isLatest. */
  nextRequest() {
    this.requests = (this.requests || 0) + 1;
    return this.requests;
  }

  isLatest(request) {
    return request === this.requests;
  }

  loading(text) {
    this.show('loading', text || 'Loading…');
  }

  /** Shows an ApiError (or a subscription's error); retry is called when trying again may work. */
  failed(error, retry) {
    this.cancelRetry();
    const kind = error.kind || kindOfCode(error.extensions && error.extensions.code);
    let text = error.message || 'Something went wrong.';
    const retryAt = error.retryAt || retryAtOf(error);
    if (kind === 'rate-limited' && !/^Rate limited/.test(text)) {
      text = 'Rate limited: ' + text;
    }
    if (retryAt && retry) {
      const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
      text += ' Retrying at ' + retryAt.toLocaleTimeString() + ' (in ' + seconds + ' s).';
      this.retryTimer = setTimeout(retry, retryAt.getTime() - Date.now());
    } else if (kind === 'signed-out') {
      text += ' Sign in again to see this panel.';
    }
    this.show(kind || 'failed', text);
  }

  cancelRetry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  ok() {
    this.message.hidden = true;
    this.message.textContent = '';
    delete this.element.dataset.state;
  }

  show(kind, text) {
    this.message.hidden = false;
    this.message.dataset.kind = kind;
    this.message.textContent = text;
    this.element.dataset.state = kind;
  }

  /** Draws an ECharts option in the panel's chart (created on first use). */
  draw(option) {
    if (!this.chart) {
      this.chart = window.echarts.init(this.chartElement, null, { renderer: 'svg' });
      window.addEventListener('resize', () => this.chart.resize());
    }
    this.chart.setOption(option, { notMerge: true });
  }
}

function kindOfCode(code) {
  if (code === 'RATE_LIMITED') {
    return 'rate-limited';
  }
  if (code === 'UNAVAILABLE' || code === 'OVERLOADED' || code === 'SHUTTING_DOWN') {
    return 'unavailable';
  }
  return code ? 'failed' : null;
}

function retryAtOf(graphQlError) {
  const millis = graphQlError.extensions && Number(graphQlError.extensions.retryAfterMs);
  return millis > 0 ? new Date(Date.now() + millis) : null;
}

/** Replaces a table body's rows; cells are text, never HTML. */
export function fillTable(tbody, rows, numericColumns) {
  tbody.replaceChildren(...rows.map((cells) => {
    const tr = document.createElement('tr');
    cells.forEach((cell, index) => {
      const td = document.createElement('td');
      td.textContent = cell === null || cell === undefined ? '—' : String(cell);
      if (numericColumns.includes(index)) {
        td.className = 'num';
      }
      tr.append(td);
    });
    return tr;
  }));
}

export const number = new Intl.NumberFormat('en');

export function percent(fraction) {
  return fraction === null || fraction === undefined ? '—' : Math.round(fraction * 1000) / 10 + ' %';
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** Colour-blind-safe series colours (Okabe–Ito), one per event type. */
export const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7a6a00'];
