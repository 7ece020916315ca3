/** The triage keys, as the `?` key and the README list them; package.json binds them (users can remap them there). */
export const KEY_HELP = [
  { key: 'j', action: 'Next article', command: 'digestReader.nextArticle' },
  { key: 'k', action: 'Previous article', command: 'digestReader.previousArticle' },
  { key: 'n', action: 'Next unread article', command: 'digestReader.nextUnread' },
  { key: 's', action: 'Star / unstar', command: 'digestReader.toggleStar' },
  { key: 'm', action: 'Mark read / unread', command: 'digestReader.toggleRead' },
  { key: 'u', action: 'Undo the last marking', command: 'digestReader.undo' },
  { key: 'o', action: 'Open the arXiv page', command: 'digestReader.openArxivPage' },
  { key: 'p', action: 'Open the PDF', command: 'digestReader.openPdf' },
  { key: 'Shift+A', action: 'Mark the whole digest read', command: 'digestReader.markDigestRead' },
  { key: '?', action: 'Show these keys', command: 'digestReader.showKeys' },
] as const;
