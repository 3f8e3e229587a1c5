// Switchboard operator console: plain JavaScript, no network beyond this daemon.
'use strict';

const TEXT = {
  en: {
    brand: 'Switchboard', live: 'Live board', wakeups: 'Wake-ups', calls: 'Call records', audit: 'Night audit',
    logout: 'Log out', login: 'Log in', username: 'User name', password: 'Password', ringingNow: 'Ringing now',
    extension: 'Extension', department: 'Department', ringing: 'Ringing', serviceLevel: "Today's service level",
    offered: 'Offered', inTime: 'In time', service: 'Service %', missed: 'Missed', missedCalls: 'Missed calls',
    time: 'Time', bookWakeup: 'Book a wake-up call', room: 'Room', secondCall: 'Second call', interval: 'Interval',
    book: 'Book', wakeupList: 'Wake-up calls not yet done', due: 'Due', call: 'Call', status: 'Status',
    attempts: 'Attempts', cancel: 'Cancel', searchCalls: 'Call records', date: 'Date', account: 'Account name',
    search: 'Search', start: 'Start', dialled: 'Dialled', result: 'Result', talk: 'Talk s', amount: 'Amount',
    enterCall: 'Enter a call record', startTime: 'Start', endTime: 'End', save: 'Save', businessDate: 'Business date',
    run: 'Run', downloadCsv: 'Download CSV', printable: 'Printable report', acknowledge: 'Acknowledge',
    alarmWakeup: 'WAKE-UP NOT ANSWERED', alarmCredit: 'CREDIT LIMIT', nothing: 'none', calls_found: 'call(s)',
    wrongLogin: 'Wrong user name or password', entered: 'Entered call #', admin: 'Admin', users: 'Users',
    role: 'Role', createdBy: 'Added by', addUser: 'Add user', configuration: 'Configuration',
    enabled: 'active', disabledBy: 'disabled by', disable: 'Disable', enable: 'Enable',
    lockedOut: 'Too many failed logins', assignCall: 'Charge an exception call to a guest', callNo: 'Call #',
    reason: 'Reason', assign: 'Assign', accountId: 'Account no.'
  },
  zh: {
    brand: '话务台', live: '实时监控', wakeups: '叫醒服务', calls: '话单查询', audit: '夜审',
    logout: '退出', login: '登录', username: '用户名', password: '密码', ringingNow: '正在振铃',
    extension: '分机号', department: '部门', ringing: '振铃时长', serviceLevel: '今日接听率',
    offered: '来电', inTime: '三声内接听', service: '接听率 %', missed: '漏接', missedCalls: '漏接电话',
    time: '时间', bookWakeup: '预订叫醒', room: '房号', secondCall: '二次叫醒', interval: '间隔',
    book: '预订', wakeupList: '待叫醒', due: '叫醒时间', call: '次', status: '状态',
    attempts: '尝试次数', cancel: '取消', searchCalls: '话单查询', date: '日期', account: '帐户名',
    search: '查询', start: '起始时间', dialled: '被叫号码', result: '结果', talk: '时长(秒)', amount: '金额',
    enterCall: '录入话单', startTime: '起始时间', endTime: '结束时间', save: '保存', businessDate: '营业日',
    run: '生成', downloadCsv: '下载 CSV', printable: '打印报表', acknowledge: '确认',
    alarmWakeup: '叫醒未接听', alarmCredit: '超出预付款', nothing: '无', calls_found: '条话单',
    wrongLogin: '用户名或密码错误', entered: '已录入话单 #', admin: '系统管理', users: '用户',
    role: '角色', createdBy: '添加人', addUser: '添加用户', configuration: '配置',
    enabled: '启用', disabledBy: '已停用，操作人', disable: '停用', enable: '启用',
    lockedOut: '登录失败次数过多', assignCall: '异常话单挂账', callNo: '话单号', reason: '原因', assign: '挂账', accountId: '帐号'
  }
};

const state = { lang: localStorage.getItem('lang') || 'en', me: null, view: 'live', timer: null, stream: null, offsetMinutes: 0 };
const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[state.lang][key] || key);

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
}

async function api(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (state.me && method !== 'GET') headers['X-CSRF-Token'] = state.me.csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401 && path !== '/api/login') { showLogin(); throw new Error('log in first'); }
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error(data && data.error ? data.error.message : res.status);
    err.status = res.status;
    throw err;
  }
  return data;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function fill(tableId, rows, render) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(tr, t('nothing'));
    td.colSpan = document.querySelectorAll('#' + tableId + ' thead th').length;
    body.appendChild(tr);
    return;
  }
  rows.forEach((r) => { const tr = document.createElement('tr'); render(tr, r); body.appendChild(tr); });
}

// Times in the hotel's zone, whatever this browser's: API times carry the hotel's offset, or are UTC ("Z") and
// are moved by the offset the server's clock reported.
function hhmmss(iso) {
  if (!iso) return '';
  if (!iso.endsWith('Z')) return iso.slice(11, 19);
  return new Date(Date.parse(iso) + state.offsetMinutes * 60000).toISOString().slice(11, 19);
}
function offsetOf(serverTime) {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(serverTime);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
const seconds = (ms) => (ms / 1000).toFixed(1) + ' s';

function showLogin() {
  state.me = null;
  stopLive();
  $('nav').hidden = true; $('logout').hidden = true; $('who').textContent = '';
  document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== 'view-login'; });
}

function show(view) {
  state.view = view;
  document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== 'view-' + view; });
  document.querySelectorAll('#nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  stopTimer();
  if (view === 'live') { refreshLive(); state.timer = setInterval(refreshLive, 1000); }
  if (view === 'wakeups') { refreshWakeups(); state.timer = setInterval(refreshWakeups, 5000); }
  if (view === 'admin') refreshAdmin();
  if (view === 'audit' && !$('audit-date').value) runAudit(null);
}

function stopTimer() { if (state.timer) { clearInterval(state.timer); state.timer = null; } }
function stopLive() {
  stopTimer();
  if (state.stream) { state.stream.close(); state.stream = null; }
  if (state.alarmTimer) { clearInterval(state.alarmTimer); state.alarmTimer = null; }
  $('alarms').replaceChildren();
}

async function loggedIn(me) {
  state.me = me;
  $('nav').hidden = false; $('logout').hidden = false;
  $('who').textContent = me.username + ' (' + me.role + ')';
  $('manual-entry').hidden = !(me.role === 'auditor' || me.role === 'admin');
  $('nav-admin').hidden = me.role !== 'admin';
  // The hotel's date, from the server's clock in the hotel's zone (not this browser's).
  let today = new Date().toISOString().slice(0, 10);
  try {
    const serverTime = (await api('GET', '/api/metrics/live')).serverTime;
    today = serverTime.slice(0, 10);
    state.offsetMinutes = offsetOf(serverTime);
  } catch (e) { /* keep the guess */ }
  $('calls-date').value = today; $('enter-date').value = today; $('audit-date').value = '';
  listenForAlarms();
  show(me.role === 'auditor' ? 'calls' : 'live');
}

async function refreshLive() {
  try {
    const live = await api('GET', '/api/metrics/live');
    fill('ringing', live.ringing, (tr, r) => {
      if (r.overThreshold) tr.className = 'over';
      cell(tr, r.extension); cell(tr, r.department); cell(tr, seconds(r.ringingMs));
    });
    fill('service', live.serviceLevel, (tr, r) => {
      cell(tr, r.department); cell(tr, r.offered); cell(tr, r.withinThreshold);
      cell(tr, r.serviceLevelPercent); cell(tr, r.missed);
    });
    fill('missed', live.missed, (tr, m) => {
      cell(tr, hhmmss(m.ringStartedAt)); cell(tr, m.extension); cell(tr, m.department);
      cell(tr, m.ringMs === null ? '' : seconds(m.ringMs));
    });
  } catch (e) { /* shown by the login screen when the session ended */ }
}

async function refreshWakeups() {
  try {
    const data = await api('GET', '/api/wakeups');
    const calls = data.calls.slice().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    fill('wakeup-list', calls, (tr, c) => {
      cell(tr, c.room); cell(tr, c.date + ' ' + c.localTime); cell(tr, c.callNo); cell(tr, c.status); cell(tr, c.attempts);
      const td = cell(tr, '');
      const b = document.createElement('button');
      b.textContent = t('cancel'); b.className = 'cancel';
      b.onclick = async () => { await api('DELETE', '/api/wakeups/' + c.bookingId); refreshWakeups(); };
      td.appendChild(b);
    });
  } catch (e) { $('wakeup-error').textContent = e.message; }
}

function alarmBar(id, text, onAck) {
  let div = document.getElementById(id);
  if (div) return;
  div = document.createElement('div');
  div.className = 'alarm';
  div.id = id;
  const span = document.createElement('span');
  span.textContent = text;
  const ack = document.createElement('button');
  ack.textContent = t('acknowledge');
  ack.onclick = async () => { try { await onAck(); div.remove(); } catch (e) { span.textContent = text + ' — ' + e.message; } };
  div.append(span, ack);
  $('alarms').appendChild(div);
}

// Wake-up alarms are kept by the server until an operator acknowledges them (who and when are recorded), so
// they survive a reload and show on every console.
async function refreshAlarms() {
  try {
    const data = await api('GET', '/api/wakeups/alarms');
    const open = new Set(data.alarms.map((a) => 'alarm-' + a.callId));
    document.querySelectorAll('#alarms .alarm.wakeup').forEach((d) => { if (!open.has(d.id)) d.remove(); });
    data.alarms.forEach((a) => {
      alarmBar('alarm-' + a.callId, t('alarmWakeup') + ': ' + (state.lang === 'zh' ? '房号 ' : 'room ') + a.room + ' — '
        + a.date + ' ' + a.localTime + ', ' + a.attempts + ' × — ' + (a.note || ''),
        () => api('POST', '/api/wakeups/alarms/' + a.callId + '/acknowledge'));
      document.getElementById('alarm-' + a.callId).classList.add('wakeup');
    });
  } catch (e) { /* not allowed for this role, or logged out */ }
  try {
    const data = await api('GET', '/api/credit/alarms');
    const open = new Set(data.alarms.map((b) => 'credit-' + b.id));
    document.querySelectorAll('#alarms .alarm.credit').forEach((d) => { if (!open.has(d.id)) d.remove(); });
    data.alarms.forEach((b) => {
      alarmBar('credit-' + b.id, t('alarmCredit') + ': ' + (state.lang === 'zh' ? '房号 ' : 'room ') + b.room + ' — '
        + b.accountId + ' ' + b.name + ', ' + b.charged + ' / ' + b.deposit,
        () => api('POST', '/api/credit/alarms/' + b.id + '/acknowledge'));
      document.getElementById('credit-' + b.id).classList.add('credit');
    });
  } catch (e) { /* not allowed for this role, or logged out */ }
}

// Credit bars, like wake-up alarms, are kept by the server until an operator acknowledges them.
function listenForAlarms() {
  state.stream = new EventSource('/api/live/stream');
  state.stream.addEventListener('wakeup-alarm', () => refreshAlarms());
  state.stream.addEventListener('credit-limit', () => refreshAlarms());
  refreshAlarms();
  state.alarmTimer = setInterval(refreshAlarms, 5000);
}

async function refreshAdmin() {
  try {
    const data = await api('GET', '/api/users');
    fill('users-table', data.users, (tr, u) => {
      cell(tr, u.username); cell(tr, u.role); cell(tr, u.createdBy);
      cell(tr, u.enabled ? t('enabled') : t('disabledBy') + ' ' + u.disabledBy, u.enabled ? '' : 'disabled');
      const td = cell(tr, '');
      if (u.username === state.me.username) return; // not yourself: another admin does that
      const b = document.createElement('button');
      b.textContent = u.enabled ? t('disable') : t('enable');
      b.className = 'user-toggle';
      b.onclick = async () => {
        try {
          await api('POST', '/api/users/' + encodeURIComponent(u.username) + (u.enabled ? '/disable' : '/enable'));
          $('user-result').textContent = '';
        } catch (e) { $('user-result').textContent = e.message; }
        refreshAdmin();
      };
      td.appendChild(b);
    });
    $('config-view').textContent = JSON.stringify(await api('GET', '/api/config'), null, 2);
  } catch (e) { $('user-result').textContent = e.message; }
}

$('user-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const res = await api('POST', '/api/users', { username: $('user-name').value.trim(), role: $('user-role').value,
      password: $('user-password').value });
    $('user-result').textContent = res.message;
    $('user-name').value = '';
    refreshAdmin();
  } catch (e) { $('user-result').textContent = e.message; }
  $('user-password').value = '';
});

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  try {
    const me = await api('POST', '/api/login', { username: $('username').value, password: $('password').value });
    $('password').value = '';
    loggedIn(me);
  } catch (e) {
    $('password').value = '';
    $('login-error').textContent = e.status === 429 ? t('lockedOut') + ': ' + e.message : t('wrongLogin');
  }
});

$('logout').addEventListener('click', async () => { try { await api('POST', '/api/logout'); } finally { showLogin(); } });
$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('lang', state.lang);
  applyLanguage();
});
document.querySelectorAll('#nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.view)));

$('wakeup-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('wakeup-error').textContent = ''; $('readback').textContent = '';
  try {
    const body = { room: $('wakeup-room').value.trim(), time: $('wakeup-time').value.trim() };
    if ($('wakeup-twice').checked) body.second = $('wakeup-interval').value.trim();
    const res = await api('POST', '/api/wakeups', body);
    $('readback').textContent = res.booked.map((b) => b.readBack).join(' · ');
    refreshWakeups();
  } catch (e) { $('wakeup-error').textContent = e.message; }
});

$('calls-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('calls-error').textContent = '';
  const q = new URLSearchParams({ date: $('calls-date').value });
  if ($('calls-extension').value.trim()) q.set('extension', $('calls-extension').value.trim());
  if ($('calls-room').value.trim()) q.set('room', $('calls-room').value.trim());
  if ($('calls-account').value.trim()) q.set('account', $('calls-account').value.trim());
  try {
    const data = await api('GET', '/api/calls?' + q);
    fill('calls-table', data.calls, (tr, c) => {
      cell(tr, hhmmss(c.start)); cell(tr, c.extension); cell(tr, c.room); cell(tr, c.dialled);
      cell(tr, c.disposition); cell(tr, c.talkSeconds); cell(tr, c.charge);
    });
  } catch (e) { $('calls-error').textContent = e.message; }
});

$('enter-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const res = await api('POST', '/api/calls', { extension: $('enter-extension').value.trim(), date: $('enter-date').value,
      dialled: $('enter-dialled').value.trim(), start: $('enter-start').value.trim(), end: $('enter-end').value.trim(),
      enteredBy: state.me.username });
    $('enter-result').textContent = t('entered') + res.call.id + (res.charge ? ' — ' + res.charge.currency + ' ' + res.charge.total : '');
  } catch (e) { $('enter-result').textContent = e.message; }
});

// The auditor clears an exception (a vacant room's call that was really a guest's): the server books the move.
$('assign-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const res = await api('POST', '/api/audit/assign', { callId: Number($('assign-call').value.replace('#', '')),
      account: $('assign-account').value.trim(), reason: $('assign-reason').value.trim() });
    $('assign-result').textContent = res.message;
    $('audit-form').requestSubmit();
  } catch (e) { $('assign-result').textContent = e.message; }
});

// Without a date the server audits the business date running now (after midnight that is still yesterday's
// until the configured close, e.g. 04:00), and says which date that is.
async function runAudit(d) {
  try {
    const report = await api('GET', '/api/audit' + (d ? '?date=' + d : ''));
    const date = report.date;
    $('audit-date').value = date;
    $('audit-csv').href = '/api/audit?format=csv&date=' + date;
    $('audit-print').href = '/api/audit?format=html&date=' + date;
    $('audit-recon').textContent = report.report.reconciliation;
    $('audit-frame').src = '/api/audit?format=html&date=' + date;
  } catch (e) { $('audit-recon').textContent = e.message; }
}

$('audit-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  runAudit($('audit-date').value);
});

applyLanguage();
api('GET', '/api/me').then(loggedIn).catch(() => showLogin());
