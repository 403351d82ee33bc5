// The manager's dashboard: sign-in, then one program's panels, kept live.
// Tiles and the funnel follow the live-tile subscriptions; the other panels are refetched when
// the change feed says their program changed (at most once per refresh interval).
import * as auth from './auth.js';
import { query } from './api.js';
import { LiveConnection } from './live.js';
import { Panel, fillTable, number, percent, dateTime, COLOURS } from './panels.js';
import * as Q from './queries.js';

const PAGE_SIZE = 20;
const DAYS = 14;

const $ = (id) => document.getElementById(id);

const panels = {
  activeReps: new Panel('tile-active-reps'),
  events: new Panel('tile-events'),
  compliance: new Panel('tile-compliance'),
  funnel: new Panel('panel-funnel'),
  activity: new Panel('panel-activity'),
  video: new Panel('panel-video'),
  leaderboard: new Panel('panel-leaderboard'),
  reps: new Panel('panel-reps'),
};

let config;
let programId;
let live;
let lessons = [];
const reps = { orderBy: { field: 'CONTACT_ID', direction: 'ASC' }, page: { first: PAGE_SIZE } };
let lastRefresh = 0;
let refreshTimer = null;

async function main() {
  try {
    config = await (await fetch('/dashboard/config')).json();
    programId = new URLSearchParams(window.location.search).get('program') || config.programId;
    await auth.init(config);
  } catch (error) {
    showSignedOut('The sign-in service is unavailable (' + error.message + '). Reload the page to try again.');
    return;
  }
  auth.onExpired(() => {
    stopLive();
    showSignedOut('Your session expired: signing in again…');
    auth.signIn(programId);
  });
  $('sign-in').addEventListener('click', () => auth.signIn(programId));
  $('sign-out').addEventListener('click', signOut);
  let returned;
  try {
    returned = await auth.completeSignIn();
  } catch (error) {
    showSignedOut(error.message);
    return;
  }
  if (returned === null) {
    showSignedOut('');
    return;
  }
  if (returned) {
    programId = returned;
  }
  showDashboard();
}

function showSignedOut(reason) {
  $('dashboard').hidden = true;
  $('program-form').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('signed-out').hidden = false;
  $('signed-out-reason').textContent = reason;
  document.body.dataset.state = 'signed-out';
}

function signOut() {
  auth.signOut();
  stopLive();
  showSignedOut('You signed out. Your token is gone from this page.');
}

function showDashboard() {
  const who = auth.user();
  $('who').textContent = [who.sub, who.tenant_id && 'tenant ' + who.tenant_id, who.role,
    who.team_ids && who.team_ids.join(', ')].filter(Boolean).join(' · ');
  $('signed-out').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  $('program-form').hidden = false;
  $('program').value = programId;
  document.body.dataset.state = 'dashboard';
  $('program-form').onsubmit = (event) => {
    event.preventDefault();
    const chosen = $('program').value.trim();
    if (chosen && chosen !== programId) {
      programId = chosen;
      window.history.replaceState(null, '', '/?program=' + encodeURIComponent(programId));
      startProgram();
    }
  };
  $('video-lesson').onchange = loadVideo;
  $('reps-next').onclick = () => pageReps({ first: PAGE_SIZE, after: reps.endCursor });
  $('reps-previous').onclick = () => pageReps({ last: PAGE_SIZE, before: reps.startCursor });
  document.querySelectorAll('#rep-table th button[data-sort]').forEach((button) => {
    button.onclick = () => sortReps(button.dataset.sort);
  });
  startProgram();
}

function startProgram() {
  stopLive();
  lessons = [];
  reps.page = { first: PAGE_SIZE };
  Object.values(panels).forEach((panel) => panel.loading());
  live = new LiveConnection(auth.token, showLiveState, () => auth.expired());
  subscribeLive(Q.SUMMARY_CHANGED, showSummary, [panels.activeReps, panels.events, panels.funnel]);
  subscribeLive(Q.COMPLIANCE_CHANGED, showCompliance, [panels.compliance]);
  subscribeLive(Q.PROGRAM_CHANGES, refreshSoon, [panels.reps]);
  live.start();
  refreshAll();
}

function stopLive() {
  if (live) {
    live.stop();
    live = null;
  }
  clearTimeout(refreshTimer);
  refreshTimer = null;
  // Retries of refused requests belong to the program (and the token) being left.
  Object.values(panels).forEach((panel) => panel.cancelRetry());
}

/**
 * Subscribes for the program; a refusal is shown in the target panels and, when it says
 * when trying again may work (RATE_LIMITED), the subscription is sent again then.
 */
function subscribeLive(document, next, targets) {
  const connection = live;
  const subscribe = () => {
    if (live === connection) {
      connection.subscribe(document, { programId }, {
        next,
        error: (error) => targets.forEach((panel, index) => panel.failed(error, index === 0 ? subscribe : null)),
        complete: () => {},
      });
    }
  };
  subscribe();
}

const LIVE_PANELS = () => [panels.activeReps, panels.events, panels.compliance, panels.funnel];

function showLiveState(state) {
  const status = $('live-status');
  status.dataset.state = state;
  status.textContent = { live: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…',
    offline: 'offline' }[state];
  if (state === 'reconnecting') {
    // The live panels keep their last numbers, and say that they may be behind; the next
    // answer after reconnecting clears the message.
    LIVE_PANELS().forEach((panel) => panel.show('unavailable',
      'Live updates are unavailable: reconnecting… Numbers may be behind.'));
  }
}

/** The panels that are read with queries, now. */
function refreshAll() {
  lastRefresh = Date.now();
  loadActivity();
  loadLeaderboard();
  loadReps();
  loadVideo();
}

/** The change feed said the program changed: refetch, at most once per refresh interval. */
function refreshSoon() {
  if (refreshTimer) {
    return;
  }
  const wait = Math.max(0, lastRefresh + config.refreshIntervalMs - Date.now());
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshAll();
  }, wait);
}

/** Runs a query for a panel: its answer is drawn, its refusal shown (and retried when it may work). */
async function load(panel, document, variables, draw) {
  // Only the latest request of a panel is drawn: a slow answer to an older one (a sort
  // clicked twice, a page turned quickly) must not overwrite it.
  const request = panel.nextRequest();
  try {
    const data = await query(document, variables);
    if (panel.isLatest(request)) {
      panel.ok();
      draw(data);
    }
  } catch (error) {
    if (panel.isLatest(request)) {
      panel.failed(error, () => load(panel, document, variables, draw));
    }
  }
}

function showSummary(data) {
  const summary = data.programSummaryChanged;
  [panels.activeReps, panels.events, panels.funnel].forEach((panel) => panel.ok());
  setTile('tile-active-reps', number.format(summary.activeReps), 'quiz accuracy ' + percent(summary.quizAccuracy));
  setTile('tile-events', number.format(summary.totalEvents), 'latest revision of each event');
  const lessonIds = summary.lessons.map((lesson) => lesson.lessonId);
  panels.funnel.draw({
    aria: { enabled: true },
    color: [COLOURS[0], COLOURS[2]],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: lessonIds, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: 'reps', minInterval: 1 },
    series: [
      { name: 'started', type: 'bar', data: summary.lessons.map((lesson) => lesson.startedReps) },
      { name: 'completed', type: 'bar', data: summary.lessons.map((lesson) => lesson.completedReps) },
    ],
  });
  if (lessonIds.join() !== lessons.join()) {
    lessons = lessonIds;
    const select = $('video-lesson');
    const chosen = select.value;
    select.replaceChildren(...lessons.map((lessonId) => new Option(lessonId, lessonId)));
    select.value = lessons.includes(chosen) ? chosen : lessons[0] || '';
    loadVideo();
  }
}

function showCompliance(data) {
  const compliance = data.complianceChanged;
  panels.compliance.ok();
  const reps = compliance.compliant + compliance.nonCompliant;
  setTile('tile-compliance', number.format(compliance.compliant) + ' / ' + number.format(reps),
    percent(reps ? compliance.compliant / reps : null) + ' · ' + number.format(compliance.overdue) + ' overdue'
      + (compliance.dueBy ? ' · due ' + dateTime(compliance.dueBy) : ''));
}

function setTile(id, value, detail) {
  const tile = $(id);
  tile.querySelector('[data-value]').textContent = value;
  tile.querySelector('[data-detail]').textContent = detail;
}

function loadActivity() {
  const to = new Date();
  to.setUTCHours(24, 0, 0, 0);
  const from = new Date(to.getTime() - DAYS * 86400000);
  load(panels.activity, Q.ACTIVITY, { programId, from: from.toISOString(), to: to.toISOString() }, (data) => {
    const buckets = data.activity;
    const types = [...new Set(buckets.flatMap((bucket) => bucket.byType.map((count) => count.type)))].sort();
    panels.activity.draw({
      aria: { enabled: true },
      color: COLOURS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: buckets.map((bucket) => bucket.start.slice(5, 10)) },
      yAxis: { type: 'value', name: 'events', minInterval: 1 },
      series: types.map((type) => ({
        name: type.toLowerCase().replace(/_/g, ' '),
        type: 'bar',
        stack: 'events',
        data: buckets.map((bucket) => (bucket.byType.find((count) => count.type === type) || { count: 0 }).count),
      })),
    });
  });
}

function loadVideo() {
  const lessonId = $('video-lesson').value;
  if (!lessonId) {
    panels.video.show('loading', 'No lesson with events yet.');
    return;
  }
  load(panels.video, Q.VIDEO_DROPOFF, { programId, lessonId }, (data) => {
    panels.video.draw({
      aria: { enabled: true },
      color: [COLOURS[5]],
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', name: 'seconds', nameLocation: 'middle', nameGap: 26,
        data: data.videoDropoff.map((segment) => segment.segment * 15) },
      yAxis: { type: 'value', name: 'reps', minInterval: 1 },
      series: [{ name: 'reps still watching', type: 'line', areaStyle: {}, data: data.videoDropoff.map((s) => s.reps) }],
    });
  });
}

function loadLeaderboard() {
  load(panels.leaderboard, Q.LEADERBOARD, { programId }, (data) => {
    fillTable(panels.leaderboard.element.querySelector('tbody'), data.leaderboard.map((entry) => [
      entry.rank, (entry.contact && entry.contact.name) || entry.contactId, entry.contact && entry.contact.teamId,
      number.format(entry.value)]), [0, 3]);
  });
}

function pageReps(page) {
  reps.page = page;
  loadReps();
}

function sortReps(field) {
  const direction = reps.orderBy.field === field && reps.orderBy.direction === 'ASC' ? 'DESC' : 'ASC';
  reps.orderBy = { field, direction };
  document.querySelectorAll('#rep-table th[aria-sort]').forEach((th) => {
    th.setAttribute('aria-sort', th.querySelector('button').dataset.sort === field
      ? (direction === 'ASC' ? 'ascending' : 'descending') : 'none');
  });
  pageReps({ first: PAGE_SIZE });
}

function loadReps() {
  load(panels.reps, Q.REPS, { programId, orderBy: reps.orderBy, ...reps.page }, (data) => {
    const connection = data.repProgress;
    reps.startCursor = connection.pageInfo.startCursor;
    reps.endCursor = connection.pageInfo.endCursor;
    $('reps-next').disabled = !connection.pageInfo.hasNextPage;
    $('reps-previous').disabled = !connection.pageInfo.hasPreviousPage;
    $('reps-count').textContent = number.format(connection.totalCount) + ' reps';
    fillTable(document.querySelector('#rep-table tbody'), connection.edges.map(({ node }) => [
      node.contactId, node.contact && node.contact.name, node.contact && node.contact.email,
      node.contact && node.contact.teamId, node.lessonsCompleted, dateTime(node.lastActivityAt),
      percent(node.quizAccuracy)]), [4, 6]);
  });
}

main();
