// The sample pages bundled with the demo (served from /samples/), each with the URL it
// pretends to come from, so relative links in it resolve as on the real site.

/** @type {{ file: string, label: string, url: string }[]} */
export const SAMPLES = [
  { file: 'harbor-ferries.html', label: 'English news: harbor ferries', url: 'https://www.baysidecourier.example/news/2025/04/14/harbor-ferries-battery-power' },
  { file: 'stadtbad-sanierung.html', label: 'German news: the old town baths', url: 'https://www.weserland-kurier.example/lokales/hollwede/stadtbad-sanierung' },
  { file: 'olive-harvest.html', label: 'Arabic news (RTL): the olive harvest', url: 'https://alwadi.example/local/olive-harvest' },
  { file: 'sourdough-notes.html', label: 'Japanese blog: winter sourdough', url: 'https://komugi-biyori.example/2025/02/sourdough' },
];
