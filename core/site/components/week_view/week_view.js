// week_view.js — a week from today and the holidays ahead, from the core in Latvian time.
// Appended to /assets/app.js by `pietura build` (components in name order), so it runs
// in app.js's module scope: it uses doc, lang and loadCore() from there, and keeps its
// own names inside this block.
{
  function dayTable(days, d, withDay) {
    const table = doc.createElement('table');
    table.className = 'days';
    const head = table.createTHead().insertRow();
    for (const label of withDay ? [d.date, d.day, d.hours, d.note] : [d.date, d.hours, d.note]) {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    }
    const body = table.createTBody();
    for (const day of days) {
      const row = body.insertRow();
      if (!day.open) row.className = 'closed';
      const cells = withDay ? [day.date, day.weekday, day.hours, day.note] : [day.date + ' ' + day.weekday, day.hours, day.note];
      for (const text of cells) row.insertCell().textContent = text;
    }
    return table;
  }

  const week = doc.getElementById('week');
  if (week) {
    loadCore().then((cat) => {
      if (!cat) return;
      const d = week.dataset;
      const seven = cat.days(d.id, Date.now(), lang, 7);
      if (!seven.length) return;
      week.querySelector('.week-table').replaceChildren(dayTable(seven, d, true));
      const ahead = cat.days(d.id, Date.now(), lang, 60).filter((day) => day.note);
      const box = week.querySelector('.holidays-ahead');
      if (ahead.length) box.replaceChildren(dayTable(ahead, d, false));
      else box.textContent = d.none;
      week.hidden = false;
    });
  }
}
