// Facteur's service worker (registered by src/platform/service_worker.rs).
//
// It keeps every file of one build of the app (the app shell: index.html, the loader, the
// main wasm module and every lazily loaded part, the styles, the icons) in a cache named
// after that build, and serves them from there, so that the app starts without the network.
// A new build installs beside the running one and waits until the page asks it to take over
// ("Recharger"): a page never gets files of two builds. The build before stays cached until
// the next one, for a tab still open on it that asks for one of its parts later.
// JMAP traffic (the session, API calls, uploads, downloads, the event source) is never
// handled here: the app's own store decides what is kept, encrypted.
//
// The files are asked with "no-cache": those the page has just downloaded come back as
// "304 Not Modified", not a second time over a phone's network.
// VERSION and FILES are written by scripts/trunk-post-build.py at each build.
const VERSION = "dev";
const FILES = [];

const PREFIX = "facteur-shell-";
const SHELL = PREFIX + VERSION;
const CONFIG = "facteur-config";
const KNOWN = new Set(FILES);

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(SHELL).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" })))),
      // The deployment's settings as they are now (asked again at each start while online).
      caches.open(CONFIG).then((cache) => cache.add(new Request("/config.json", { cache: "no-cache" }))).catch(() => {}),
    ]),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Cache names come in the order they were made: keep this build and the one before.
      const builds = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== SHELL);
      await Promise.all(builds.slice(0, -1).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/jmap") || url.pathname.startsWith("/.well-known/")) {
    return;
  }
  if (request.mode === "navigate") {
    // Every address of the app is the same page: this build's index.html.
    event.respondWith(fromCache("/index.html").then((cached) => cached || fetch(request)));
  } else if (url.pathname === "/config.json") {
    // The deployment's settings: the server's copy when it answers, the last one otherwise.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CONFIG).then((cache) => cache.put("/config.json", copy));
          }
          return response;
        })
        .catch(() => caches.open(CONFIG).then((cache) => cache.match("/config.json")).then((c) => c || Response.error())),
    );
  } else if (KNOWN.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname).then((cached) => cached || fetch(request)));
  } else {
    // A file of the build before (a tab still open on it) or anything else: from any
    // build's cache, else the network.
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});

// This build's copy first; another build's when a tab still runs it.
async function fromCache(path) {
  const cache = await caches.open(SHELL);
  return (await cache.match(path)) || caches.match(path);
}
