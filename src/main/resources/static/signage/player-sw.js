// Sotong signage player service worker: keeps the player's page, script and style in a cache so that a
// kiosk browser restarted while the server is unreachable still opens the player. Schedules and media are
// cached by the page itself (localStorage and the Cache API); player API requests pass straight through.
'use strict';
var SHELL = 'sotong-player-shell-v1';
var URLS = ['/player', '/signage/player.js', '/signage/player.css'];
var TIMEOUT_MS = 4000;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(URLS);
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('sotong-player-shell-') === 0 && k !== SHELL;
    }).map(function (k) {
      return caches.delete(k);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('timeout')); }, TIMEOUT_MS);
    promise.then(function (v) { clearTimeout(timer); resolve(v); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || URLS.indexOf(url.pathname) < 0) {
    return;
  }
  var key = url.pathname;
  // network first (new versions arrive at once), cache when the server cannot be reached
  event.respondWith(withTimeout(fetch(request)).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(SHELL).then(function (cache) { return cache.put(key, copy); });
      return response;
    }
    return caches.match(key).then(function (cached) { return cached || response; });
  }).catch(function () {
    return caches.match(key).then(function (cached) {
      return cached || new Response('offline', {status: 503, headers: {'Content-Type': 'text/plain; charset=utf-8'}});
    });
  }));
});
