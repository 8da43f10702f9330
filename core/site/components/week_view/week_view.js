// week_view.js — a week from today and the holidays ahead, from the core in Latvian time.
// Appended to /assets/app.js by `pietura build` (components in name order), so it runs
// in app.js's module scope: it uses doc, lang and loadRemote() from there, and keeps its
// own names inside this block.
{
  // Dates as the pages write them, by the core (wasm/format_bindings.cpp): never an ISO
  // date (issue 14). The week has a column for the weekday ("23. decembris" | "trešdiena");
  // the holidays ahead put it in front of the date ("ceturtdiena, 24. decembris").
  // `dates` holds each day's date as the core formats it (formatDate's arguments → text).
  function dayTable(days, d, dates, withDay) {
    const table = doc.createElement('table');
    table.className = 'days';
    const head = table.createTHead().insertRow();
    for (const label of withDay ? [d.date, d.day, d.hours, d.note] : [d.date, d.hours, d.note]) {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    }
    // On a phone the weekday column gives way and the weekday moves in front of the date
    // (week_view.css): four columns of whole words do not fit 320 px.
    if (withDay) head.cells[1].className = 'wd';
    const body = table.createTBody();
    for (const day of days) {
      const row = body.insertRow();
      if (!day.open) row.className = 'closed';
      if (withDay) {
        const date = row.insertCell();
        const inline = doc.createElement('span');
        inline.className = 'wd-inline';
        inline.textContent = day.weekday + ', ';
        date.append(inline, dates.get(day.date + ' weekday'));
        const wd = row.insertCell();
        wd.className = 'wd';
        wd.textContent = day.weekday;
        for (const text of [day.hours, day.note]) row.insertCell().textContent = text;
      } else {
        for (const text of [dates.get(day.date + ' year'), day.hours, day.note]) row.insertCell().textContent = text;
      }
    }
    return table;
  }

  const week = doc.getElementById('week');
  if (week) {
    // The core in a worker (app.js loadRemote(), issue 13): every answer is a promise.
    loadRemote().then(async (reader) => {
      if (!reader) return;
      const d = week.dataset;
      const now = Date.now();
      const [seven, sixty] = await Promise.all([reader.catalogue('days', d.id, now, lang, 7), reader.catalogue('days', d.id, now, lang, 60)]);
      if (!seven.length) return;
      const ahead = sixty.filter((day) => day.note);
      const dates = new Map();
      await Promise.all([
        ...seven.map(async (day) => dates.set(day.date + ' weekday', await reader.module('formatDate', day.date, lang, 'long', false))),
        ...ahead.map(async (day) => dates.set(day.date + ' year', await reader.module('formatDate', day.date, lang, 'long', false, true))),
      ]);
      week.querySelector('.week-table').replaceChildren(dayTable(seven, d, dates, true));
      const box = week.querySelector('.holidays-ahead');
      if (ahead.length) box.replaceChildren(dayTable(ahead, d, dates, false));
      else box.textContent = d.none;
      week.hidden = false;
      // The build's "coming holidays" were true on the build's day; the live list replaces them.
      const coming = doc.querySelector('.holidays-static .holidays-coming');
      if (coming) coming.hidden = true;
    }).catch(() => {}); // an older core without the formatter: the build's tables stay, rather than ISO dates
  }
}
