// Sotong reference signage player (kiosk browser). No inline script: strict CSP.
//
// - Pairs with a code shown on screen; keeps its device token in localStorage.
// - Fetches its schedule with If-None-Match (304 most of the time), keeps the last schedule in
//   localStorage and every media file in the Cache API, and plays from those when the server is gone.
// - Plays by the clock: the same arithmetic as kr.sotong.signage.schedule.Playout on the server, so
//   screens showing the same loop are in step and the loop continues across blocks and hours.
// - Reports proof of play in batches (kept while offline, sent when the server is back), sends
//   heartbeats, listens to server-sent events for refresh, screenshot requests and revocation.
(function () {
  'use strict';

  var API = '/player/v1';
  var VERSION = 'sotong-web-player/1.0';
  var CONTENT_CACHE = 'sotong-player-content-v1';
  var KEY = {
    token: 'sotong.player.token',
    device: 'sotong.player.device',
    schedule: 'sotong.player.schedule',
    etag: 'sotong.player.etag',
    plays: 'sotong.player.plays',
    pairing: 'sotong.player.pairing'
  };
  var MAX_QUEUED_PLAYS = 5000;

  var root = document.documentElement;
  var body = document.body;
  var pollSeconds = parseInt(body.getAttribute('data-poll-seconds'), 10) || 60;
  var heartbeatSeconds = parseInt(body.getAttribute('data-heartbeat-seconds'), 10) || 60;

  var state = {
    token: null,
    schedule: null,
    etag: null,
    skewMs: 0,
    timer: null,
    showing: null,      // {content, key, play}
    blobUrls: {},
    intervals: [],
    eventsAbort: null,
    pairingTimer: null
  };

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function save(key, value) {
    try {
      if (value === null || value === undefined) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, value); }
    } catch (e) { /* storage full or disabled: keep running from memory */ }
  }

  function mod(a, n) { return ((a % n) + n) % n; }

  function serverNow() { return Date.now() + state.skewMs; }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  function setOnline(online) {
    root.setAttribute('data-online', online ? 'true' : 'false');
    var badge = $('offline');
    if (badge) { badge.hidden = online; }
  }

  function authHeaders(extra) {
    var h = extra || {};
    h.Authorization = 'Bearer ' + state.token;
    return h;
  }

  function apiFetch(path, options) {
    var o = options || {};
    o.headers = authHeaders(o.headers);
    o.cache = 'no-store';
    return fetch(API + path, o).then(function (res) {
      if (res.status === 401) {
        return res.json().catch(function () { return {}; }).then(function (p) {
          unpaired(p && p.detail);
          throw new Error('unauthorized');
        });
      }
      return res;
    });
  }

  // ---------------------------------------------------------------- service worker (page shell offline)

  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) { root.setAttribute('data-sw', 'unsupported'); return; }
    navigator.serviceWorker.register('/player/sw.js', {scope: '/player'}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      root.setAttribute('data-sw', 'ready');
    }).catch(function () {
      root.setAttribute('data-sw', 'failed');
    });
  }

  // ---------------------------------------------------------------- pairing

  function showPairing(message) {
    root.setAttribute('data-state', 'pairing');
    $('player').hidden = true;
    $('pairing').hidden = false;
    if (message) { $('pairing-status').textContent = message; }
  }

  function startPairing() {
    showPairing();
    var saved = null;
    try { saved = JSON.parse(load(KEY.pairing) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.secret && Date.parse(saved.expiresAt) > Date.now() + 30000) {
      showCode(saved);
      pollClaim(saved);
      return;
    }
    fetch(API + '/pairings', {method: 'POST', cache: 'no-store'}).then(function (res) {
      if (!res.ok) { throw new Error('pairing ' + res.status); }
      return res.json();
    }).then(function (p) {
      save(KEY.pairing, JSON.stringify(p));
      showCode(p);
      pollClaim(p);
    }).catch(function () {
      $('pairing-status').textContent = '서버에 연결할 수 없습니다. 잠시 후 다시 시도합니다.';
      state.pairingTimer = setTimeout(startPairing, 5000);
    });
  }

  function showCode(p) {
    $('pairing-code').textContent = p.code;
    $('pairing-code').setAttribute('data-code', p.code);
    $('pairing-status').textContent = '등록을 기다리는 중입니다. 코드는 ' + new Date(p.expiresAt).toLocaleTimeString('ko-KR') + '까지 유효합니다.';
  }

  function pollClaim(p) {
    clearTimeout(state.pairingTimer);
    fetch(API + '/pairings/claim', {
      method: 'POST', cache: 'no-store', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({secret: p.secret})
    }).then(function (res) {
      if (res.status === 200) {
        return res.json().then(function (granted) {
          save(KEY.pairing, null);
          save(KEY.token, granted.token);
          save(KEY.device, JSON.stringify({id: granted.deviceId, code: granted.code, name: granted.name}));
          start();
        });
      }
      if (res.status === 202) {
        state.pairingTimer = setTimeout(function () { pollClaim(p); }, (p.pollSeconds || 3) * 1000);
        return null;
      }
      // expired, used or unknown: ask for a new code
      save(KEY.pairing, null);
      state.pairingTimer = setTimeout(startPairing, 1000);
      return null;
    }).catch(function () {
      state.pairingTimer = setTimeout(function () { pollClaim(p); }, 5000);
    });
  }

  function unpaired(reason) {
    state.intervals.forEach(clearInterval);
    state.intervals = [];
    clearTimeout(state.timer);
    if (state.eventsAbort) { state.eventsAbort.abort(); }
    state.token = null;
    state.schedule = null;
    save(KEY.token, null);
    save(KEY.schedule, null);
    save(KEY.etag, null);
    $('stage').textContent = '';
    showPairing(reason || '이 기기의 인증이 끝났습니다. 다시 등록하세요.');
    setTimeout(startPairing, 2000);
  }

  // ---------------------------------------------------------------- schedule and content cache

  function fetchSchedule() {
    if (!state.token) { return Promise.resolve(); }
    var headers = {};
    if (state.etag) { headers['If-None-Match'] = state.etag; }
    return apiFetch('/schedule', {headers: headers}).then(function (res) {
      setOnline(true);
      if (res.status === 304) { return null; }
      if (!res.ok) { throw new Error('schedule ' + res.status); }
      var etag = res.headers.get('ETag');
      return res.json().then(function (schedule) {
        return prefetch(schedule).then(function () {
          state.schedule = schedule;
          state.etag = etag;
          save(KEY.schedule, JSON.stringify(schedule));
          save(KEY.etag, etag);
          root.setAttribute('data-etag', etag || '');
          tick();
        });
      });
    }).catch(function (e) {
      if (e && e.message !== 'unauthorized') { setOnline(false); }
    });
  }

  function contentUrls(schedule) {
    var urls = [];
    Object.keys(schedule.content || {}).forEach(function (id) {
      var c = schedule.content[id];
      if (c.url) { urls.push(c.url); }
      if (c.qrUrl) { urls.push(c.qrUrl); }
    });
    return urls;
  }

  function prefetch(schedule) {
    if (!('caches' in window)) { return Promise.resolve(); }
    root.setAttribute('data-cache', 'loading');
    return caches.open(CONTENT_CACHE).then(function (cache) {
      return Promise.all(contentUrls(schedule).map(function (url) {
        return cache.match(url).then(function (hit) {
          if (hit) { return true; }
          return fetch(url, {headers: authHeaders({}), cache: 'no-store'}).then(function (res) {
            if (!res.ok) { return false; }
            return cache.put(url, res).then(function () { return true; });
          }).catch(function () { return false; });
        });
      })).then(function (results) {
        root.setAttribute('data-cache', results.every(Boolean) ? 'ready' : 'partial');
        return prune(cache, schedule);
      });
    }).catch(function () { root.setAttribute('data-cache', 'failed'); });
  }

  /** Drops cached media no longer in the schedule (the media wall's videos are large). */
  function prune(cache, schedule) {
    var keep = {};
    contentUrls(schedule).forEach(function (u) { keep[u] = true; });
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (r) {
        return !keep[new URL(r.url).pathname];
      }).map(function (r) { return cache.delete(r); }));
    });
  }

  /** A blob: URL of a media file, from the cache (or the network, then cached). */
  function mediaUrl(url) {
    if (state.blobUrls[url]) { return Promise.resolve(state.blobUrls[url]); }
    var fromCache = ('caches' in window) ? caches.open(CONTENT_CACHE).then(function (c) { return c.match(url); })
      : Promise.resolve(null);
    return fromCache.then(function (hit) {
      if (hit) { return hit.blob(); }
      return fetch(url, {headers: authHeaders({}), cache: 'no-store'}).then(function (res) {
        if (!res.ok) { throw new Error('media ' + res.status); }
        return res.blob();
      });
    }).then(function (blob) {
      var u = URL.createObjectURL(blob);
      state.blobUrls[url] = u;
      return u;
    });
  }

  // ---------------------------------------------------------------- playout by the clock

  /** What plays now: same arithmetic as Playout.at on the server. */
  function current(schedule, nowMs) {
    var segs = schedule.segments || [];
    if (!segs.length) { return null; }
    var sec = Math.floor(nowMs / 1000);
    var seg = null;
    for (var i = 0; i < segs.length; i++) {
      if (sec >= segs[i].fromEpoch && sec < segs[i].toEpoch) { seg = segs[i]; break; }
    }
    var segEnd;
    if (!seg) {
      // outside the window (long offline): keep the nearest segment's plan rather than a black screen
      seg = sec < segs[0].fromEpoch ? segs[0] : segs[segs.length - 1];
      segEnd = sec + 3600;
    } else {
      segEnd = seg.toEpoch;
    }
    var hourIndex = Math.floor(sec / 3600);
    var x = sec - hourIndex * 3600;
    var block = null;
    for (var b = 0; b < seg.blocks.length; b++) {
      var bl = seg.blocks[b];
      if (x >= bl.at && x < bl.at + bl.len) { block = bl; break; }
    }
    if (!block) { return {idle: true, remaining: 1}; }
    var blockLeft = Math.min(block.at + block.len - x, segEnd - sec);
    if (!block.loop || !schedule.loops[block.loop]) { return {idle: true, remaining: blockLeft}; }
    var loop = schedule.loops[block.loop];
    var pos = mod(hourIndex * block.perHour + block.before + (x - block.at), loop.seconds);
    var acc = 0;
    for (var k = 0; k < loop.items.length; k++) {
      var item = loop.items[k];
      if (pos < acc + item.seconds) {
        var offset = pos - acc;
        return {
          idle: false, loop: loop, loopKey: block.loop, block: block, index: k, item: item,
          content: schedule.content[item.content], offset: offset,
          remaining: Math.min(item.seconds - offset, blockLeft),
          // identifies this pass of the item, to tell a continuation from a new play
          passStart: sec - offset
        };
      }
      acc += item.seconds;
    }
    return {idle: true, remaining: blockLeft};
  }

  function tick() {
    clearTimeout(state.timer);
    var nowMs = serverNow();
    var schedule = state.schedule;
    var now = schedule ? current(schedule, nowMs) : null;
    var remaining;
    if (!now || now.idle || !now.content) {
      showIdle();
      remaining = now ? now.remaining : 5;
    } else {
      show(now);
      remaining = now.remaining;
    }
    var next = (Math.floor(nowMs / 1000) + Math.max(1, remaining)) * 1000 - nowMs;
    state.timer = setTimeout(tick, Math.max(50, next));
  }

  function showIdle() {
    endPlay();
    root.setAttribute('data-state', 'idle');
    var stage = $('stage');
    stage.setAttribute('data-content', '');
    stage.textContent = '';
    var p = document.createElement('p');
    p.className = 'idle';
    p.textContent = '금천구청';
    stage.appendChild(p);
    $('ticker').hidden = true;
  }

  function show(now) {
    root.setAttribute('data-state', 'playing');
    var key = now.item.content + '@' + now.passStart + '@' + now.loopKey;
    if (state.showing && state.showing.key === key) {
      return; // the same pass continues (e.g. across the full hour)
    }
    endPlay();
    var stage = $('stage');
    var c = now.content;
    var token = {key: key, content: now.item.content, play: null};
    state.showing = token;
    stage.setAttribute('data-layout', now.loop.layout);
    showTicker(now.loop);
    render(stage, c, now.offset).then(function () {
      if (state.showing !== token) { return; }
      stage.setAttribute('data-content', String(now.item.content));
      token.play = {
        id: uuid(), content: Number(now.item.content), campaign: now.block.campaign, playlist: now.block.playlist,
        startedAt: new Date().toISOString(), startMs: Date.now()
      };
    }).catch(function () {
      if (state.showing === token) { stage.setAttribute('data-content', 'error'); }
    });
  }

  function render(stage, c, offset) {
    if (c.kind === 'IMAGE' || c.kind === 'VIDEO') {
      return mediaUrl(c.url).then(function (src) {
        var el;
        if (c.kind === 'IMAGE') {
          el = document.createElement('img');
          el.alt = c.title || '';
        } else {
          el = document.createElement('video');
          el.muted = true;
          el.autoplay = true;
          el.playsInline = true;
          el.setAttribute('aria-label', c.title || '');
          el.addEventListener('loadedmetadata', function () {
            if (offset > 0 && offset < el.duration) { el.currentTime = offset; }
          });
        }
        el.className = 'media';
        el.src = src;
        stage.textContent = '';
        stage.appendChild(el);
      });
    }
    stage.textContent = '';
    if (c.kind === 'NOTICE') {
      var article = document.createElement('article');
      article.className = 'notice';
      var h = document.createElement('h2');
      h.textContent = c.title || '';
      article.appendChild(h);
      var bodyDiv = document.createElement('div');
      bodyDiv.className = 'notice-body';
      (c.lines || []).forEach(function (line) {
        var p = document.createElement('p');
        p.textContent = line;
        bodyDiv.appendChild(p);
      });
      article.appendChild(bodyDiv);
      stage.appendChild(article);
      if (c.qrUrl) {
        return mediaUrl(c.qrUrl).then(function (src) {
          var img = document.createElement('img');
          img.className = 'qr';
          img.alt = '자세히 보기 QR 코드';
          img.src = src;
          article.appendChild(img);
        }).catch(function () { /* notice without QR */ });
      }
      return Promise.resolve();
    }
    var t = document.createElement('p');
    t.className = 'ticker-full';
    t.textContent = c.text || c.title || '';
    stage.appendChild(t);
    return Promise.resolve();
  }

  function showTicker(loop) {
    var band = $('ticker');
    var texts = (loop.ticker || []).map(function (id) {
      var c = state.schedule.content[id];
      return c ? (c.text || c.title) : null;
    }).filter(Boolean);
    if (loop.layout !== 'MAIN_WITH_TICKER' || !texts.length) {
      band.hidden = true;
      return;
    }
    var text = texts.join('   ·   ');
    var p = $('ticker-text');
    if (p.textContent !== text) {
      p.textContent = text;
      p.style.animationDuration = Math.max(15, Math.round(text.length / 4)) + 's';
    }
    band.hidden = false;
  }

  // ---------------------------------------------------------------- proof of play

  function endPlay() {
    var s = state.showing;
    state.showing = null;
    if (!s || !s.play) { return; }
    var duration = Date.now() - s.play.startMs;
    if (duration < 500) { return; }
    var queue = queued();
    queue.push({
      id: s.play.id, content: s.play.content, campaign: s.play.campaign, playlist: s.play.playlist,
      startedAt: s.play.startedAt, durationMs: duration
    });
    if (queue.length > MAX_QUEUED_PLAYS) { queue = queue.slice(queue.length - MAX_QUEUED_PLAYS); }
    save(KEY.plays, JSON.stringify(queue));
    root.setAttribute('data-queued-plays', String(queue.length));
  }

  function queued() {
    try { return JSON.parse(load(KEY.plays) || '[]'); } catch (e) { return []; }
  }

  function flushPlays() {
    var queue = queued();
    if (!queue.length || !state.token) { return Promise.resolve(); }
    var batch = queue.slice(0, 500);
    return apiFetch('/proof-of-play', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({sentAt: new Date().toISOString(), plays: batch})
    }).then(function (res) {
      if (!res.ok) { throw new Error('proof of play ' + res.status); }
      return res.json();
    }).then(function (receipt) {
      var sent = {};
      batch.forEach(function (p) { sent[p.id] = true; });
      var rest = queued().filter(function (p) { return !sent[p.id]; });
      save(KEY.plays, JSON.stringify(rest));
      root.setAttribute('data-queued-plays', String(rest.length));
      root.setAttribute('data-reported-plays',
        String((parseInt(root.getAttribute('data-reported-plays'), 10) || 0) + receipt.accepted));
      setOnline(true);
    }).catch(function (e) {
      if (e && e.message !== 'unauthorized') { setOnline(false); }
    });
  }

  // ---------------------------------------------------------------- heartbeat, screenshots, events

  function heartbeat() {
    if (!state.token) { return Promise.resolve(); }
    var sent = Date.now();
    return apiFetch('/heartbeat', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({playerVersion: VERSION + ' ' + navigator.userAgent.substring(0, 60), deviceTime: new Date(sent).toISOString()})
    }).then(function (res) {
      if (!res.ok) { throw new Error('heartbeat ' + res.status); }
      return res.json();
    }).then(function (reply) {
      var received = Date.now();
      var server = Date.parse(reply.serverTime);
      if (!isNaN(server)) { state.skewMs = server - Math.round((sent + received) / 2); }
      setOnline(true);
      if (reply.scheduleEtag && reply.scheduleEtag !== state.etag) { fetchSchedule(); }
      if (reply.screenshotRequested) { screenshot(); }
    }).catch(function (e) {
      if (e && e.message !== 'unauthorized') { setOnline(false); }
    });
  }

  /** Draws what the stage shows onto a canvas (the browser cannot capture the physical screen). */
  function screenshot() {
    var stage = $('stage');
    var canvas = document.createElement('canvas');
    canvas.width = Math.max(320, stage.clientWidth || 1280);
    canvas.height = Math.max(180, stage.clientHeight || 720);
    var g = canvas.getContext('2d');
    g.fillStyle = '#000';
    g.fillRect(0, 0, canvas.width, canvas.height);
    var media = stage.querySelector('img.media, video.media');
    try {
      if (media) {
        g.drawImage(media, 0, 0, canvas.width, canvas.height);
      } else {
        g.fillStyle = '#fff';
        g.font = Math.round(canvas.height / 14) + 'px sans-serif';
        var lines = (stage.innerText || '').split('\n').filter(Boolean).slice(0, 10);
        lines.forEach(function (line, i) { g.fillText(line.substring(0, 60), 40, 80 + i * canvas.height / 12); });
      }
    } catch (e) { /* draw what we can */ }
    canvas.toBlob(function (blob) {
      if (!blob) { return; }
      apiFetch('/screenshots', {method: 'POST', headers: {'Content-Type': 'image/png'}, body: blob}).catch(function () {});
    }, 'image/png');
  }

  /** Server-sent events over fetch (EventSource cannot send the device token). */
  function connectEvents() {
    if (!state.token || !window.ReadableStream) { return; }
    var controller = new AbortController();
    state.eventsAbort = controller;
    apiFetch('/events', {headers: {Accept: 'text/event-stream'}, signal: controller.signal}).then(function (res) {
      if (!res.ok || !res.body) { throw new Error('events ' + res.status); }
      root.setAttribute('data-events', 'connected');
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return null; }
          buffer += decoder.decode(chunk.value, {stream: true}).replace(/\r\n/g, '\n');
          var cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.substring(0, cut));
            buffer = buffer.substring(cut + 2);
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () { /* reconnect below */ }).then(function () {
      root.setAttribute('data-events', 'disconnected');
      if (state.token && state.eventsAbort === controller) {
        setTimeout(connectEvents, 3000 + Math.floor(Math.random() * 2000));
      }
    });
  }

  function dispatch(raw) {
    var name = 'message';
    var data = '';
    raw.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) { name = line.substring(6).trim(); }
      else if (line.indexOf('data:') === 0) { data += line.substring(5).trim(); }
    });
    var payload = {};
    try { payload = data ? JSON.parse(data) : {}; } catch (e) { payload = {}; }
    if (name === 'schedule' || name === 'hello') {
      if (payload.etag && payload.etag !== state.etag) {
        // a little jitter so that a whole fleet does not arrive in the same millisecond
        setTimeout(fetchSchedule, Math.floor(Math.random() * 500));
      }
    } else if (name === 'screenshot') {
      screenshot();
    } else if (name === 'revoked') {
      unpaired('이 기기의 인증이 취소되었습니다. 담당자에게 문의하세요.');
    }
  }

  // ---------------------------------------------------------------- start

  function start() {
    clearTimeout(state.pairingTimer);
    state.token = load(KEY.token);
    if (!state.token) { startPairing(); return; }
    $('pairing').hidden = true;
    $('player').hidden = false;
    root.setAttribute('data-state', 'starting');
    try { state.schedule = JSON.parse(load(KEY.schedule) || 'null'); } catch (e) { state.schedule = null; }
    state.etag = state.schedule ? load(KEY.etag) : null;
    tick(); // play what we have at once, even before the network answers
    fetchSchedule();
    heartbeat();
    flushPlays();
    connectEvents();
    state.intervals.push(setInterval(fetchSchedule, pollSeconds * 1000));
    state.intervals.push(setInterval(heartbeat, heartbeatSeconds * 1000));
    state.intervals.push(setInterval(flushPlays, 10000));
  }

  window.addEventListener('online', function () { fetchSchedule(); flushPlays(); });
  registerServiceWorker();
  start();
})();
