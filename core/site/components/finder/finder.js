// finder.js — where am I (a typed place from the snapshot's gazetteer, or the browser's
// geolocation on a button press only), then the core ranks, filters and renders the cards.
// Appended to /assets/app.js by `pietura build` (components in name order), so it runs
// in app.js's module scope: it uses doc, lang and loadRemote() from there (the core in a
// worker, issue 13: every answer is a promise, and the page's main thread stays free while
// the core starts), and keeps its
// own names inside this block.
{
  const finder = doc.getElementById('finder');
  if (finder) {
    // Shown from the first paint (see nojs.css) and usable at once: what is asked before
    // the core has started in its worker waits for it, and the page stays responsive.
    const formEl = doc.getElementById('finder-form');
    const ready = loadRemote();
    ready.then((reader) => {
      if (!reader) finder.hidden = true; // the municipality list below still works
    });
    {
      const f = finder.dataset;
      const place = doc.getElementById('place');
      const options = doc.getElementById('place-options');
      const status = doc.getElementById('finder-status');
      const results = doc.getElementById('finder-results');
      const cardStrings = JSON.parse(f.cardStrings); // the labels of the core's nearby_item cards
      let here = null; // {lat, lon, name}

      // The service filter: a list of services, or at the national catalogue a text field
      // whose suggestions the core's search gives as the name is typed (issue 13).
      const service = doc.getElementById('f-service');
      const serviceOptions = doc.getElementById('service-options');
      const serviceIds = new Map(); // title as suggested → service id
      const suggestServices = async (typed, limit) => {
        const reader = await ready;
        if (!reader || !typed.trim()) return [];
        const hits = await reader.catalogue('search', typed, lang, limit);
        return hits.filter((h) => h.kind === 'service');
      };
      if (serviceOptions) {
        let typing = 0;
        service.addEventListener('input', async () => {
          const mine = ++typing;
          const found = await suggestServices(service.value, 8);
          if (mine !== typing) return;
          for (const h of found) serviceIds.set(h.title, h.id);
          serviceOptions.replaceChildren(...found.map((h) => Object.assign(doc.createElement('option'), { value: h.title })));
        });
      }
      // The chosen service's id ('' for any), or null when the typed name is no service's.
      const chosenService = async () => {
        if (!serviceOptions) return service.value;
        const typed = service.value.trim();
        if (!typed) return '';
        if (serviceIds.has(typed)) return serviceIds.get(typed);
        const same = (await suggestServices(typed, 8)).find((h) => h.title.toLocaleLowerCase(lang) === typed.toLocaleLowerCase(lang));
        return same ? same.id : null;
      };

      let keystrokes = 0; // answers to earlier keystrokes that arrive late are dropped
      place.addEventListener('input', async () => {
        here = null;
        const mine = ++keystrokes;
        const reader = await ready;
        if (!reader) return;
        const found = await reader.catalogue('findPlaces', place.value, lang, 8);
        if (mine !== keystrokes) return;
        options.replaceChildren(...found.map((p) => {
          const o = doc.createElement('option');
          o.value = p.name;
          if (p.territory && p.territory !== p.name) o.label = p.territory;
          return o;
        }));
      });

      let searches = 0; // only the latest search shows its answer
      const search = async () => {
        const mine = ++searches;
        const reader = await ready;
        if (!reader) return;
        if (!here) {
          const typed = place.value.trim();
          if (!typed) {
            status.textContent = f.choose;
            results.replaceChildren();
            place.focus();
            return;
          }
          const found = await reader.catalogue('findPlaces', typed, lang, 1);
          if (mine !== searches) return;
          if (!found.length) {
            status.textContent = f.unknownPlace.replace('{q}', typed);
            results.replaceChildren();
            return;
          }
          here = { lat: found[0].lat, lon: found[0].lon, name: found[0].name };
        }
        const data = new FormData(formEl);
        const serviceId = await chosenService();
        if (mine !== searches) return;
        if (serviceId === null) {
          status.textContent = f.unknownService.replace('{q}', service.value.trim());
          results.replaceChildren();
          return;
        }
        // The same nearby_item cards as the municipality pages, rendered by the core.
        const list = await reader.catalogue('nearestCards', here.lat, here.lon, {
          limit: 5,
          service: serviceId,
          remote: data.get('remote') || '',
          openNow: data.has('openNow'),
          saturday: data.has('saturday'),
          after17: data.has('after17'),
          stepFree: data.has('stepFree'),
        }, Date.now(), lang, cardStrings);
        if (mine !== searches) return;
        results.innerHTML = list.join(''); // escaped by the core
        status.textContent = list.length
          ? f.found.replace('{place}', here.name).replace('{n}', String(list.length))
          : f.none;
      };

      formEl.addEventListener('submit', (e) => {
        e.preventDefault();
        search();
      });
      // A filter re-runs the search at once whenever there is a place to search from,
      // also after "none match": taking a filter off must bring the centres back
      // without a second press of the button (issue 15).
      formEl.addEventListener('change', (e) => {
        if (e.target !== place && here) search();
      });

      const locate = doc.getElementById('locate');
      if (!('geolocation' in navigator)) locate.hidden = true;
      locate.addEventListener('click', () => {
        status.textContent = f.locating;
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            here = { lat: pos.coords.latitude, lon: pos.coords.longitude, name: f.located };
            place.value = '';
            search();
          },
          () => {
            status.textContent = f.geoFailed;
          },
          { maximumAge: 600000, timeout: 15000 },
        );
      });
    }
  }
}
