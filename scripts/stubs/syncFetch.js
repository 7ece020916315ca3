// Stands in for sync-fetch-undici in the extension's bundles. citation-js imports it to
// fetch remote inputs (DOIs, URLs); the extension only formats data it already has and
// never fetches, and the real module needs child_process (Node) or sync XHR (browser).
function syncFetch() {
  throw new Error('Digest Reader does not fetch citation data over the network');
}
syncFetch.Headers = class Headers {};
syncFetch.Request = class Request {};
syncFetch.Response = class Response {};
module.exports = syncFetch;
