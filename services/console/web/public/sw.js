// The console's service worker: the pages open without signal, and a crew member's own orders
// stay readable as they were last fetched. Pages and their assets: cached as they are fetched
// (assets carry a hash in their names, so a cached one never goes stale). Work orders and who is
// signed in: from the network first, from the cache when there is no network. Nothing else (and
// no change) is ever answered from the cache.
const CACHE = 'buqi-console-v1';
const READ_OFFLINE = [/^\/api\/work-orders\/work-orders(\/[^/]+)?(\?.*)?$/, /^\/auth\/me$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(['/', '/manifest.webmanifest', '/icon.svg'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname + url.search;
  if (READ_OFFLINE.some((re) => re.test(path))) {
    event.respondWith(networkFirst(request));
  } else if (request.mode === 'navigate') {
    // Any page of the app is index.html; offline, the cached one.
    event.respondWith(fetch(request).catch(() => caches.match('/')));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit ?? networkFirst(request)));
  }
});

// Signing out clears what this phone kept.
self.addEventListener('message', (event) => {
  if (event.data === 'signed-out') event.waitUntil(caches.delete(CACHE));
});
